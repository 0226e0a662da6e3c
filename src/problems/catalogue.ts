import type { Problem } from '../schema/problem.ts';
import { shorten } from '../text/invisible.ts';

/**
 * Every problem the validator can report: its stable code, severity, what it means (for the
 * publishing guide) and how its message and hint are worded. Messages are for office staff, in
 * Chinese; `p` carries the facts of one occurrence.
 */
/** A fact of one occurrence, as a message quotes it. */
type Param = string | number | undefined;
type Params = Record<string, Param>;
type NoParams = Record<never, never>;
/** Facts every message may use besides its own: where the problem is. */
interface Facts {
  column?: string | undefined;
  file: string;
}
interface Entry<P> {
  severity: Problem['severity'];
  about: string;
  message: (p: P & Facts) => string;
  hint: (p: P & Facts) => string;
}
/** A catalogue entry whose messages take the parameters `P`: `problem()` then accepts exactly those. */
const entry = <P extends object>(e: Entry<P>): Entry<P> => e;

const LAYOUT = 'announcements/<年份>/<编号>.md 与同名 .csv、industries.csv、regions.csv、published.lock';
const q = (v: unknown) => `“${String(v ?? '')}”`;
/**
 * A column as the office's file names it: by its Chinese header, and by its canonical name too
 * where the file's header is written in canonical (English) names (`english`, set by the reader).
 */
const named = (p: { zh: Param; column?: string | undefined; english?: Param }) => (p.english ? `${p.zh}（${p.column}）` : String(p.zh));

export const CATALOGUE = {
  // ── files and layout ────────────────────────────────────────────────────────────────────────
  'unexpected-file': entry<{ what?: Param }>({
    severity: 'error', about: '数据目录里有约定之外的文件（常见于拼错的文件名或目录名）。',
    message: (p) => `数据目录中不应有这个${p.what ?? '文件'}`,
    hint: () => `数据目录只能包含 ${LAYOUT}。请改正文件名、移到正确的目录，或删除它。`,
  }),
  'bad-id': entry<{ value: Param }>({
    severity: 'error', about: '公告编号（文件名）不合规。',
    message: (p) => `公告编号 ${q(p.value)} 不合规`,
    hint: () => '编号只能用小写字母、数字和“-”，以字母或数字开头和结尾，最长80个字符，建议写成“年份-地区代码-类别”，如 2025-532300-plan。',
  }),
  'duplicate-id': entry<{ other: Param; value: Param }>({
    severity: 'error', about: '同一个公告编号出现在两个年份目录中。',
    message: (p) => `公告编号 ${q(p.value)} 与 ${p.other} 重复`,
    hint: () => '公告编号在所有年份中必须唯一，请给其中一个改名（.md 和 .csv 一起改）。',
  }),
  'missing-csv': entry<{ value: Param }>({
    severity: 'error', about: '有公告正文 .md 却没有同名的表格 .csv。',
    message: (p) => `缺少与 ${p.value}.md 同名的表格文件 ${p.value}.csv`,
    hint: () => '每条公告由同名的 .md（正文）和 .csv（表格）两个文件组成，请补上表格文件。没有数据行的公告也要有只含表头的 .csv。',
  }),
  'missing-md': entry<{ value: Param }>({
    severity: 'error', about: '有表格 .csv 却没有同名的公告正文 .md。',
    message: (p) => `缺少与 ${p.value}.csv 同名的公告正文 ${p.value}.md`,
    hint: () => '每条公告由同名的 .md（正文）和 .csv（表格）两个文件组成。可用 npm run new 生成。',
  }),
  'year-mismatch': entry<{ dir: Param; value: Param }>({
    severity: 'error', about: '公告放在了与其 year 不同的年份目录中。',
    message: (p) => `公告放在 ${p.dir} 目录中，但 year 是 ${q(p.value)}`,
    hint: (p) => `把两个文件移到 announcements/${p.value}/，或改正 year。`,
  }),
  'empty-file': entry<NoParams>({
    severity: 'error', about: '文件是空的。',
    message: () => '文件是空的',
    hint: () => '表格至少要有一行表头；公告正文至少要有 --- 包围的前置信息。文件可能保存失败或被截断，请重新导出。',
  }),
  'file-too-large': entry<{ limit: Param; size: Param }>({
    severity: 'error', about: '文件超过大小上限。',
    message: (p) => `文件有 ${p.size} 字节，超过上限 ${p.limit} 字节`,
    hint: () => '一条公告的表格不应这么大。请检查是否误存了其他数据，或把名单分成几条公告。',
  }),
  'data-root-too-large': entry<{ detail: Param }>({
    severity: 'error', about: '数据目录的文件总数或总大小超过上限。',
    message: (p) => `数据目录超过上限：${p.detail}`,
    hint: () => '数据目录中可能混入了其他文件（如备份、压缩包或导出的整库数据）。请只保留公告文件。',
  }),
  'too-many-rows': entry<{ limit: Param; rows: Param }>({
    severity: 'error', about: '一个表格的行数超过上限。',
    message: (p) => `表格有 ${p.rows} 行以上，超过上限 ${p.limit} 行`,
    hint: () => '一条公告的名单不应这么长。请检查是否误存了其他数据，或按地区分成几条公告。',
  }),
  'row-too-long': entry<{ length: Param; max: Param }>({
    severity: 'error', about: '一行的文字总长度超过上限。',
    message: (p) => `本行共有 ${p.length} 个字符，超过上限 ${p.max}`,
    hint: () => '可能有单元格的引号没有闭合，把后面的许多行并进了这一行；或某个单元格粘贴了大段文字。',
  }),
  'excel-text-formula': entry<{ inner: Param; value: Param; zh: Param }>({
    severity: 'error', about: '单元格写成了 Excel 的 ="…" 公式形式（常见于为保留开头的0而导出的 CSV）。',
    message: (p) => `${p.zh} ${q(p.value)} 是 Excel 的 ="…" 写法`,
    hint: (p) => `请直接写 ${p.inner}；在 Excel 中先把该列设为“文本”再输入，就不会丢失开头的0。`,
  }),
  'encoding-gbk': entry<NoParams>({
    severity: 'error', about: '文件是 GBK/GB18030 编码（Excel 或 WPS“另存为 CSV”的默认编码），须为 UTF-8。',
    message: () => '文件是 GBK/GB18030 编码，不是 UTF-8',
    hint: (p) => `在仓库根目录运行 npm run fix-encoding -- data/${p.file}（数据目录不是 data/ 时换成实际目录）转为 UTF-8；以后在 Excel 中请选“CSV UTF-8（逗号分隔）”保存。`,
  }),
  'bad-encoding': entry<NoParams>({
    severity: 'error', about: '文件不是可识别的文本编码。',
    message: () => '文件不是 UTF-8 文本，也不是 GBK/GB18030 文本',
    hint: () => '请在 Excel 中选“CSV UTF-8（逗号分隔）”重新保存；如果是二进制文件（如 .xlsx 改了扩展名），请先导出为 CSV。',
  }),
  'mixed-encoding': entry<{ gbk: Param; utf8: Param }>({
    severity: 'error', about: '同一个文件里有的行是 UTF-8 编码，有的行是 GBK 编码（常见于把两个文件拼接或在不同软件中先后编辑）。',
    message: (p) => `文件混用了两种编码：${p.utf8}是 UTF-8，${p.gbk}是 GBK/GB18030`,
    hint: () => '不能整体转换：npm run fix-encoding 会把其中一部分行变成乱码。请在 Excel 或 WPS 中打开原始表格，另存为“CSV UTF-8（逗号分隔）”，再核对上面列出的行。',
  }),
  'bom-in-middle': entry<NoParams>({
    severity: 'error', about: '文件中间夹着字节顺序标记（BOM），通常是把两个文件拼接在一起造成的。',
    message: () => '文件中间有一个字节顺序标记（BOM，U+FEFF）',
    hint: () => '这通常是把两个 CSV 文件直接拼接造成的。请用表格软件重新打开并另存为“CSV UTF-8”。',
  }),
  // ── front matter ────────────────────────────────────────────────────────────────────────────
  'frontmatter-missing': entry<NoParams>({
    severity: 'error', about: '公告正文开头没有以 --- 包围的前置信息（YAML）。',
    message: () => '公告开头缺少前置信息（以 --- 开始和结束的 YAML）',
    hint: () => '文件第一行应是 ---，随后是 title、kind、region、year、issuer、published 等字段，再以 --- 结束。可用 npm run new 生成模板。',
  }),
  'frontmatter-syntax': entry<{ detail: Param }>({
    severity: 'error', about: '前置信息不是有效的 YAML。',
    message: (p) => `前置信息的 YAML 格式有误：${p.detail}`,
    hint: () => '每行写成“字段: 值”，冒号后加一个空格；值中含有冒号或 # 时用英文双引号括起来。',
  }),
  'unknown-key': entry<{ value: Param }>({
    severity: 'error', about: '前置信息中有不认识的字段。',
    message: (p) => `前置信息中有不认识的字段 ${q(p.value)}`,
    hint: () => '允许的字段：title、kind、region、year、issuer、published、doc_number、supersedes、correction_note、contact、sources、comment_period、example、format。请检查拼写。',
  }),
  'missing-key': entry<{ about?: Param; zh?: Param }>({
    severity: 'error', about: '前置信息缺少必填字段。',
    message: (p) => `前置信息缺少必填字段“${p.zh ?? p.column}”（${p.column}）`,
    hint: (p) => `请补上“${p.column}: …”。${p.about ?? ''}`,
  }),
  'bad-value': entry<{ detail: Param; value: Param; about?: Param; zh?: Param }>({
    severity: 'error', about: '前置信息中某个字段的值不符合要求。',
    message: (p) => `字段“${p.zh ?? p.column}”（${p.column}）的值 ${q(p.value)} 不符合要求：${p.detail}`,
    hint: (p) => String(p.about ?? '请按数据格式说明改正。'),
  }),
  'missing-correction-note': entry<NoParams>({
    severity: 'error', about: '更正公告（有 supersedes）没有写更正说明。',
    message: () => '有 supersedes（更正）却没有 correction_note（更正说明）',
    hint: () => '请在 correction_note 中写明更正了什么、为什么，删去的行要写出清单编号或企业名称。',
  }),
  'correction-note-without-supersedes': entry<NoParams>({
    severity: 'error', about: '写了更正说明（correction_note），却没有写被更正的公告（supersedes）。',
    message: () => '有 correction_note（更正说明），却没有 supersedes（被更正的公告编号）',
    hint: () => '更正公告要用 supersedes 写明它更正的公告编号，原公告才会被它取代；不是更正公告的，请删去 correction_note。可用 npm run new -- --supersedes <编号> 生成更正公告。',
  }),
  'invisible-character': entry<{ name: Param; position: Param; zh: Param; value?: Param }>({
    severity: 'error', about: '单元格、前置信息或正文中有看不见的字符：零宽字符、双向文字控制符或其他控制字符。它们让两段看起来一样的文字不同（如把同一家企业变成两家），或改变文字的显示顺序。',
    message: (p) => `${p.zh}${p.value === undefined ? '' : ` ${q(p.value)}`} 的第 ${p.position} 个字符是看不见的${p.name}`,
    hint: () => '请删去这个字符（常见于从网页、Word 或聊天软件复制的文字）：在文本编辑器中把光标移到该位置删除，或重新输入这段文字。',
  }),
  'body-unrenderable': entry<{ detail: Param }>({
    severity: 'error', about: '公告正文（Markdown）的嵌套太深或标记太多，网站无法显示。',
    message: (p) => `公告正文无法显示：${p.detail}`,
    hint: () => '公告正文应是普通的段落、标题、列表和表格。请去掉多余的 >、列表符号、* 或 _，或把大段名单放到表格文件（.csv）里。',
  }),
  // ── table structure ─────────────────────────────────────────────────────────────────────────
  'csv-syntax': entry<{ detail: Param }>({
    severity: 'error', about: 'CSV 格式错误，如引号不成对。',
    message: (p) => `CSV 格式错误：${p.detail}`,
    hint: () => '单元格内有英文双引号或逗号时，整个单元格要用双引号括起来，内部的双引号写两遍。用表格软件重新保存通常可以修复。',
  }),
  'bad-delimiter': entry<{ detail: Param }>({
    severity: 'error', about: 'CSV 用了分号或制表符分隔，须用英文逗号。',
    message: (p) => `表格用${p.detail}分隔，不是英文逗号`,
    hint: () => '请在 Excel 中选“CSV UTF-8（逗号分隔）”保存；不要保存为“文本文件（制表符分隔）”。',
  }),
  'row-length': entry<{ cells: Param; header: Param }>({
    severity: 'error', about: '某行的单元格个数与表头不同。',
    message: (p) => `本行有 ${p.cells} 个单元格，表头有 ${p.header} 个`,
    hint: () => '可能多了或少了逗号，或某个含逗号的单元格没有用双引号括起来。',
  }),
  'unknown-column': entry<{ value: Param; suggest?: Param }>({
    severity: 'error', about: '表头中有不认识的列。',
    message: (p) => `不认识的列 ${q(p.value)}`,
    hint: (p) => `请使用规定的列名（英文或中文表头均可）${p.suggest ? `，是否应为 ${q(p.suggest)}？` : '。'}自定义的附加列请以 x_ 开头。`,
  }),
  'duplicate-column': entry<{ other: Param; value: Param }>({
    severity: 'error', about: '同一列在表头中出现两次。',
    message: (p) => `列 ${q(p.value)} 在表头中出现了两次（另一处是第 ${p.other} 列）`,
    hint: () => '删去重复的一列，或改正其列名。中文表头和英文列名指同一列，不要同时使用。',
  }),
  'missing-column': entry<{ zh: Param; english?: Param }>({
    severity: 'error', about: '缺少必填的列。',
    message: (p) => (p.english ? `表格缺少必填的列 ${p.column}（${p.zh}）` : `表格缺少必填的列“${p.zh}”`),
    hint: () => '请在表头中加上这一列并为每行填写。',
  }),
  'missing-value': entry<{ zh: Param; about?: Param; english?: Param }>({
    severity: 'error', about: '必填的单元格是空的。',
    message: (p) => `${named(p)}不能为空`,
    hint: (p) => String(p.about ?? '请填写这个单元格。'),
  }),
  'too-long': entry<{ length: Param; max: Param; zh: Param }>({
    severity: 'error', about: '文字超过长度上限。',
    message: (p) => `${p.zh} 有 ${p.length} 个字符，超过上限 ${p.max}`,
    hint: () => '请精简内容；较长的说明可以写在公告正文里。',
  }),
  'formula-cell': entry<{ first: Param; zh: Param }>({
    severity: 'error', about: '文字单元格以 = + - @ 或制表符开头，表格软件会把它当作公式执行。',
    message: (p) => `${p.zh} 以 ${q(p.first)} 开头，表格软件会把它当作公式`,
    hint: () => '请删去开头的符号；确实需要时，可在前面加中文说明文字。',
  }),
  'bad-code': entry<{ value: Param; zh: Param }>({
    severity: 'error', about: '编号含有不允许的字符。',
    message: (p) => `${p.zh} ${q(p.value)} 不合规`,
    hint: () => '编号只能用1–40位英文字母、数字、“-”或“_”，不要有空格或中文。',
  }),
  'bad-number': entry<{ value: Param; zh: Param; about?: Param; integer?: Param }>({
    severity: 'error', about: '数字单元格不是数字。',
    message: (p) => `${p.zh} ${q(p.value)} 不是${p.integer ? '整数' : '数字'}`,
    hint: (p) => String(p.about ?? '只填阿拉伯数字（可带小数点），不要带单位、千位分隔符或文字；不知道就留空。'),
  }),
  'number-with-unit': entry<{ number: Param; unit: Param; value: Param; zh: Param; unitColumn?: Param; unitZh?: Param; english?: Param }>({
    severity: 'error', about: '数字里带了单位，如“8万吨”。',
    message: (p) => `${p.zh} ${q(p.value)} 带了单位`,
    hint: (p) => `在${p.english ? ` ${p.column} ` : `“${p.zh}”`}中只填 ${p.number}${p.unitColumn ? `，在${p.english ? ` ${p.unitColumn}（${p.unitZh}）` : `“${p.unitZh}”`}中填 ${p.unit}` : `（单位固定为 ${p.unit}）`}。`,
  }),
  'bad-date': entry<{ value: Param; zh: Param; about?: Param; format?: Param; suggest?: Param }>({
    severity: 'error', about: '日期写法不对，须为 YYYY-MM-DD。',
    message: (p) => `${p.zh} ${q(p.value)} 不是 ${p.format ?? 'YYYY-MM-DD'} 格式的日期${p.about ? `（${p.about}）` : ''}`,
    hint: (p) => (p.suggest ? `请写成 ${p.suggest}。` : '') + '日期一律写成 2025-04-28 这样的格式；在 Excel 中请把该列设为“文本”，以免被改写。',
  }),
  'bad-enum': entry<{ allowed: Param; value: Param; zh: Param }>({
    severity: 'error', about: '取值不在允许的范围内。',
    message: (p) => `${p.zh} ${q(p.value)} 不是允许的取值`,
    hint: (p) => `允许的取值：${p.allowed}。`,
  }),
  'bad-yes-no': entry<{ value: Param; zh: Param }>({
    severity: 'error', about: '是否类单元格只能填“是”或“否”。',
    message: (p) => `${p.zh} ${q(p.value)} 不是“是”或“否”`,
    hint: () => '请填“是”或“否”；不知道就留空。',
  }),
  'out-of-range': entry<{ detail: Param; value: Param; zh: Param }>({
    severity: 'error', about: '数值超出允许的范围。',
    message: (p) => `${p.zh} ${q(p.value)} 超出允许的范围：${p.detail}`,
    hint: () => '请核对这个数。',
  }),
  'bad-stock-code': entry<{ value: Param }>({
    severity: 'error', about: '股票代码须为6位数字。',
    message: (p) => `股票代码 ${q(p.value)} 不是6位数字`,
    hint: () => '只填6位数字代码，如 600022；不要加交易所前缀或 ST 等字样。Excel 会吃掉开头的0，请把该列设为“文本”。',
  }),
  // ── codes, regions, industries ──────────────────────────────────────────────────────────────
  'bad-credit-code': entry<{ detail: Param; value: Param }>({
    severity: 'error', about: '统一社会信用代码长度、字符或校验位不对（GB 32100-2015）。',
    message: (p) => `统一社会信用代码 ${q(p.value)} 无效：${p.detail}`,
    hint: () => '请对照营业执照逐位核对（代码中没有字母 I、O、Z、S、V）；查不到就留空，不要编造。',
  }),
  'credit-code-scientific': entry<{ value: Param }>({
    severity: 'error', about: '统一社会信用代码被 Excel 改成了科学计数法（如 9.14212E+17），原来的数字已经丢失。',
    message: (p) => `统一社会信用代码 ${q(p.value)} 被 Excel 改成了科学计数法，后几位已经丢失`,
    hint: () => '请从原始材料重新录入代码。在 Excel 中先把该列设为“文本”再粘贴，或在代码前加英文单引号。',
  }),
  'credit-code-org-digit': entry<{ value: Param }>({
    severity: 'warning', about: '统一社会信用代码第9–17位（组织机构代码）的校验位不符合 GB 11714，代码可能抄错。',
    message: (p) => `统一社会信用代码 ${q(p.value)} 的组织机构代码部分校验不通过`,
    hint: () => '请对照营业执照核对第9–17位。少数早期代码确实如此，核对无误可忽略本提示。',
  }),
  'unknown-region': entry<{ value: Param }>({
    severity: 'error', about: '行政区划代码不在区划表中。',
    message: (p) => `行政区划代码 ${q(p.value)} 不存在`,
    hint: () => '请填6位县级、市级或省级行政区划代码（如 421202 咸安区）；已撤销的旧代码请加到数据目录的 regions.csv 中。',
  }),
  'region-outside': entry<{ name: Param; parent: Param; parentName: Param; value: Param }>({
    severity: 'error', about: '行的地区不在发布公告的地区之内。',
    message: (p) => `${p.name}（${p.value}）不在本公告的地区 ${p.parentName}（${p.parent}）之内`,
    hint: () => '每个地区只能公布本辖区内的企业。请核对代码，或由上级地区发布。',
  }),
  'unknown-industry': entry<{ examples: Param; value: Param }>({
    severity: 'error', about: '行业不在行业分类中。',
    message: (p) => `不认识的行业 ${q(p.value)}`,
    hint: (p) => `请使用行业分类中的名称，如 ${p.examples}；本地另有行业时，在数据目录的 industries.csv 中添加。`,
  }),
  'bad-unit': entry<{ allowed: Param; industry: Param; value: Param }>({
    severity: 'error', about: '产能单位不是该行业允许的单位。',
    message: (p) => `产能单位 ${q(p.value)} 不适用于行业“${p.industry}”`,
    hint: (p) => `${p.industry} 允许的单位：${p.allowed}。`,
  }),
  'missing-unit': entry<{ allowed: Param }>({
    severity: 'error', about: '填了产能却没有填产能单位。',
    message: () => '填了产能，却没有填产能单位',
    hint: (p) => `请在 capacity_unit（产能单位）中填写，如 ${p.allowed}。`,
  }),
  // ── rows ────────────────────────────────────────────────────────────────────────────────────
  'duplicate-row': entry<{ other: Param; value: Param; zh: Param }>({
    severity: 'error', about: '表内的编号或主键重复。',
    message: (p) => `${p.zh} ${q(p.value)} 在表中重复（第 ${p.other} 行已有）`,
    hint: () => '同一表格内每行的编号（或 地区+行业）必须唯一。',
  }),
  'missing-deadline': entry<NoParams>({
    severity: 'error', about: '计划淘汰名单的行没有淘汰时限。',
    message: () => '计划淘汰名单的每一行都要有淘汰时限',
    hint: () => '在 deadline（淘汰时限）中填 YYYY-MM-DD 或 YYYY-MM，如 2025-10。',
  }),
  'planned-in-completion': entry<NoParams>({
    severity: 'error', about: '完成名单中有“计划淘汰”状态的行。',
    message: () => '完成名单中不能有“计划淘汰”状态的行',
    hint: () => '完成名单只列已关停、已封存、已拆除、已验收或未完成的线；尚未行动的线请留在计划名单中。',
  }),
  'missing-date': entry<{ status: Param; zh: Param; english?: Param }>({
    severity: 'warning', about: '按状态应填的日期没有填（很多原始名单不给日期，所以只是提示）。',
    message: (p) => `状态为“${p.status}”，但 ${named(p)}是空的`,
    hint: () => '有日期请补上，便于公众核对；原文确无日期可不填。',
  }),
  'missing-equipment': entry<NoParams>({
    severity: 'warning', about: '没有填设备名称及型号（早期名单常只列企业名）。',
    message: () => '没有填设备名称及型号',
    hint: () => '请按原文填写设备名称及型号，如 Φ3×11m机立窑生产线；原文确无可不填。',
  }),
  'dates-backwards': entry<{ earlier: Param; earlierZh: Param; later: Param; laterZh: Param }>({
    severity: 'error', about: '行内日期先后颠倒（关停 ≤ 封存/拆除 ≤ 验收）。',
    message: (p) => `${p.laterZh} ${p.later} 早于 ${p.earlierZh} ${p.earlier}`,
    hint: () => '日期应按 关停 ≤ 封存/拆除 ≤ 验收 的先后顺序，请核对。',
  }),
  'date-after-published': entry<{ published: Param; value: Param; zh: Param }>({
    severity: 'error', about: '行内的事件日期晚于公告发布日期。',
    message: (p) => `${p.zh} ${p.value} 晚于公告发布日期 ${p.published}`,
    hint: () => '公告只能记录发布时已经发生的事。请核对日期，或核对前置信息中的 published。',
  }),
  'resettled-exceeds': entry<{ employees: Param; value: Param }>({
    severity: 'error', about: '已安置职工人数超过涉及职工人数。',
    message: (p) => `已安置职工 ${p.value} 人，多于涉及职工 ${p.employees} 人`,
    hint: () => '请核对两个人数。',
  }),
  'resume-after-acceptance': entry<NoParams>({
    severity: 'error', about: '已验收的线填了“能恢复生产”。',
    message: () => '状态为“已验收”，但能否恢复生产填了“是”',
    hint: () => '验收要求设备已拆除或封存、不能恢复生产。请核对状态或该项。',
  }),
  'total-mismatch': entry<{ bonus: Param; policy: Param; sum: Param; target: Param; value: Param }>({
    severity: 'error', about: '考核总分不等于三项得分之和。',
    message: (p) => `总分 ${p.value} 不等于目标任务 ${p.target} + 政策措施 ${p.policy} + 奖励加分 ${p.bonus} = ${p.sum}`,
    hint: () => '总分 = 目标任务得分 + 政策措施得分 + 奖励加分。',
  }),
  'grade-mismatch': entry<{ expected: Param; total: Param; value: Param; veto?: Param }>({
    severity: 'error', about: '考核等级与总分或否决项不符。',
    message: (p) => `等级 ${q(p.value)} 与总分 ${p.total}${p.veto ? '及“目标任务未完成”' : ''} 不符，应为“${p.expected}”`,
    hint: () => '≥100 优秀，80–99 良好，60–79 合格，<60 不合格；目标任务未完成的一律不合格（一票否决）。',
  }),
  'yellow-needs-deadline': entry<NoParams>({
    severity: 'error', about: '黄牌没有整改期限。',
    message: () => '黄牌必须有整改期限',
    hint: () => '在 deadline（整改期限）中填写日期；整改期一般为6个月，经申请最多再延长3个月。',
  }),
  'deadline-before-published': entry<{ published: Param; value: Param }>({
    severity: 'warning', about: '计划名单中某行的淘汰时限早于公告的发布日期。',
    message: (p) => `淘汰时限 ${p.value} 早于公告发布日期 ${p.published}`,
    hint: () => '计划名单列的是要淘汰的产能，时限一般在发布之后。请核对淘汰时限和前置信息中的 published；原文如此（如补录往年名单）可忽略本提示。',
  }),
  'implausible-date': entry<{ value: Param; zh: Param; today?: Param; future?: Param }>({
    severity: 'error', about: '日期不可信：发布日期晚于检查当天，或任何日期早于 2000-01-01。',
    message: (p) => (p.future ? `${p.zh} ${p.value} 晚于今天（${p.today}）` : `${p.zh} ${p.value} 早于 2000-01-01`),
    hint: (p) => (p.future ? '公告只能在发布之后录入：请核对 published，不要预填将来的日期。' : '请核对年份：本平台的数据从 2000 年起；常见原因是 Excel 把两位数年份改成了 19xx 年。'),
  }),
  // ── reference tables ────────────────────────────────────────────────────────────────────────
  'bad-reference-row': entry<{ detail: Param; value: Param; about?: Param }>({
    severity: 'error', about: 'industries.csv 或 regions.csv 中有不合规的行。',
    message: (p) => `${p.column} 的值 ${q(p.value)} 不合规：${p.detail}`,
    hint: (p) => String(p.about ?? '请按数据格式说明改正。'),
  }),
  'reference-changed': entry<{ after: Param; before: Param; value: Param; what: Param }>({
    severity: 'error', about: 'industries.csv 或 regions.csv 的改动，使已发布公告中的行业或地区变成了另一个（别名改到另一个行业，地区改名、改上级或改有效期）。新增行、新增别名不受影响。',
    message: (p) => `${p.what} 在已发布的公告中指 ${p.before}，现在指 ${p.after}`,
    hint: (p) => (p.file === 'industries.csv'
      ? `已发布的公告不能因改动参照表而改变含义：请还原 industries.csv 中的这一项，让“${p.value}”仍指 ${p.before}。新的行业请用新的名称和别名。`
      : `已发布的公告不能因改动参照表而改变含义：请还原 regions.csv 中代码 ${p.value} 的这一行。区划确有调整的，为新地区另加一行（用新代码），旧代码保留原名称和上级，只填写停用日期（valid_to）。`),
  }),
  // ── across announcements ────────────────────────────────────────────────────────────────────
  're-reported': entry<{ other: Param; status: Param; thisYear: Param; what: Param; year: Param }>({
    severity: 'error', about: '已经拆除或验收的线在以后年份又被列入计划（瞒报、谎报）。',
    message: (p) => `${p.what} 已在 ${p.year} 年由 ${p.other} 报为“${p.status}”，不能在 ${p.thisYear} 年再次列入计划`,
    hint: () => '把往年已淘汰的产能报作今年的计划属于瞒报、谎报。请删去该行；若确是另一条线，请使用不同的清单编号并写清设备。',
  }),
  'status-regressed': entry<{ after: Param; before: Param; other: Param; value: Param }>({
    severity: 'error', about: '后发布的公告把一条线的状态往回改了，却没有更正（supersedes）原公告。',
    message: (p) => `清单编号 ${q(p.value)} 的状态从“${p.before}”（${p.other}）退回到“${p.after}”`,
    hint: () => '状态只能前进（计划 → 关停 → 封存/拆除 → 验收）。原公告有误时，请发布一条 supersedes 原公告的更正公告。',
  }),
  'line-identity-changed': entry<{ after: Param; before: Param; other: Param; value: Param }>({
    severity: 'error', about: '已经发布过的清单编号在后来的公告中指向了另一家企业、另一个地区或另一个行业，而这条公告并没有更正（supersedes）首次发布它的公告。',
    message: (p) => `清单编号 ${q(p.value)} 在 ${p.other} 中是 ${p.before}，这里却是 ${p.after}`,
    hint: (p) => `同一条线在以后的公告中要保持同一个清单编号和同样的企业、地区、行业。若这是另一条线，请换一个清单编号；若 ${p.other} 登记错了，请发布一条 supersedes ${p.other} 的更正公告。`,
  }),
  'correction-before-original': entry<{ other: Param; published: Param; value: Param }>({
    severity: 'error', about: '更正公告的发布日期早于被它更正的公告。',
    message: (p) => `更正公告发布于 ${p.value}，早于被更正的公告 ${p.other}（${p.published}）`,
    hint: () => '更正只能在原公告发布之后。请核对两条公告的 published。',
  }),
  'not-in-plan': entry<{ value: Param }>({
    severity: 'warning', about: '完成名单中的线不在本地区任何计划名单中。',
    message: (p) => `清单编号 ${q(p.value)} 不在本地区的任何计划淘汰名单中`,
    hint: () => '请核对清单编号是否与计划名单一致；计划外淘汰的线请在备注中说明。',
  }),
  'silently-dropped': entry<{ other: Param; value: Param }>({
    severity: 'warning', about: '更正公告删去了原公告的行，却没有在更正说明中交代。',
    message: (p) => `更正公告删去了原公告 ${p.other} 中的 ${q(p.value)}，但更正说明没有提到它`,
    hint: () => '在 correction_note 中写明删去的每一行（清单编号或企业名称）及原因。',
  }),
  'targets-exceed': entry<{ industry: Param; parent: Param; parentName: Param; sum: Param; unit: Param; year: Param }>({
    severity: 'warning', about: '下级地区的目标之和超过上级地区的目标。',
    message: (p) => `${p.year} 年 ${p.industry} 各下级地区目标合计 ${p.sum}${p.unit}，超过 ${p.parentName} 的目标 ${p.parent}${p.unit}`,
    hint: () => '请核对目标分解。下级可以加码，但应在备注中说明。',
  }),
  'bad-supersedes': entry<{ detail: Param; value: Param }>({
    severity: 'error', about: 'supersedes 指向不存在的公告、另一类别/地区/年份的公告，或形成循环。',
    message: (p) => `supersedes ${q(p.value)} 无效：${p.detail}`,
    hint: () => 'supersedes 只能指向同一类别、同一地区、同一年份的已有公告，且不能循环。',
  }),
  'lock-mismatch': entry<{ value: Param; which: Param; gone?: Param }>({
    severity: 'error', about: '已发布（已锁定）的公告文件被修改或删除了。',
    message: (p) => `已发布的公告 ${p.value} 的 ${p.which} 文件${p.gone ? '不见了' : '被修改了'}`,
    hint: (p) => `已发布的公告不能修改或删除。请还原该文件（在仓库根目录运行 git checkout -- data/${p.file}，数据目录不是 data/ 时换成实际目录），然后用 npm run new -- --supersedes ${p.value} 发布一条更正公告，在 correction_note 中说明更正内容。`,
  }),
  'lock-syntax': entry<{ detail: Param }>({
    severity: 'error', about: 'published.lock 不是有效的锁文件。',
    message: (p) => `published.lock 无法读取：${p.detail}`,
    hint: () => 'published.lock 由 npm run lock 生成，请勿手工编辑；可从版本库还原后重新运行 npm run lock。',
  }),
  'lock-rewritten': entry<{ path: Param; revision: Param; value: Param; gone?: Param; removed?: Param }>({
    severity: 'error', about: '与指定版本（--base）相比，published.lock 中已有的锁定记录被删除或改写，或整个锁文件被删除。',
    message: (p) => (p.gone ? `published.lock 不见了：${p.revision} 中锁定的 ${p.value} 失去了锁定` : p.removed ? `published.lock 删除了 ${p.revision} 中 ${p.value} 的锁定记录` : `published.lock 改写了 ${p.revision} 中 ${p.value} 的锁定记录`),
    hint: (p) => `已发布的公告一经锁定就不能撤销或改写。请从 ${p.revision} 还原 published.lock（git checkout ${p.revision} -- ${p.path}），再运行 npm run lock；需要更正的，另发一条 supersedes 原公告的更正公告。`,
  }),
  'not-locked': entry<{ value: Param }>({
    severity: 'warning', about: '新公告尚未记入 published.lock。',
    message: (p) => `公告 ${p.value} 尚未锁定`,
    hint: () => '正式发布时运行 npm run lock，把它记入 published.lock，此后不能再修改。',
  }),
};

export type ProblemCode = keyof typeof CATALOGUE;
/**
 * The parameters the messages of `code` take, and the offending `value`, which every problem may
 * carry whether or not its message quotes it.
 */
export type ParamsOf<C extends ProblemCode> = ((typeof CATALOGUE)[C] extends Entry<infer P> ? P : never) & { value?: Param };

/** Where a problem is: file relative to the data root, physical line, column or key. */
export interface Where {
  file: string;
  line?: number | undefined;
  column?: string | undefined;
}

/** Longest parameter a message quotes, and longest `value` a problem carries: a 5 MB cell is echoed shortened. */
const MAX_PARAM = 200;
const MAX_VALUE = 1000;

/** Builds a Problem from the catalogue: the parameters are those the code's messages take. */
export function problem<C extends ProblemCode>(code: C, where: Where, ...[given]: { value?: Param } extends ParamsOf<C> ? [ParamsOf<C>?] : [ParamsOf<C>]): Problem {
  return problemOf(code, where, (given ?? {}) as Params);
}

/**
 * The same for a code chosen at run time together with its parameters (a cell reader's failure,
 * a header's issue), where the compiler cannot pair them; `problem` is the checked way.
 */
export function problemOf(code: ProblemCode, where: Where, p: Params): Problem {
  const entry = CATALOGUE[code] as Entry<Params>;
  let params = p;
  for (const k in p) {
    const v = p[k];
    if (typeof v === 'string' && v.length > MAX_PARAM) {
      if (params === p) params = { ...p };
      params[k] = shorten(v, MAX_PARAM);
    }
  }
  const column = where.column !== undefined && where.column.length > MAX_PARAM ? shorten(where.column, MAX_PARAM) : where.column;
  const facts = { ...params, column: typeof params.column === 'string' ? params.column : column, file: where.file };
  const value = p.value === undefined ? undefined : String(p.value);
  // Keep key order stable: severity, code, file, line, column, value, message, hint.
  return {
    severity: entry.severity, code, file: where.file,
    ...(where.line !== undefined && { line: where.line }),
    ...(column !== undefined && { column }),
    ...(value !== undefined && { value: value.length > MAX_VALUE ? shorten(value, MAX_VALUE) : value }),
    message: entry.message(facts), hint: entry.hint(facts),
  };
}
