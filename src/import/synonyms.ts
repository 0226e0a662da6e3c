/**
 * Headers as published lists write them, by the column they mean. Only the synonyms are data
 * here: each column's canonical name and Chinese header come from its schema (columnsOf), and
 * a header that equals either needs no entry. A synonym is matched after full-width folding,
 * Traditional → Simplified conversion and removal of spaces; a unit in brackets at its end
 * (产能（万吨）) is read as the column's unit.
 *
 * Two columns exist only while importing: `seq` (序号, the list's own numbering, kept in the
 * review report as the row's evidence) and `region_name` (a place name such as 河北省, 唐山市 or
 * 迁安市, resolved to `region_code` against the region table).
 */
export const SEQ = 'seq';
export const REGION_NAME = 'region_name';

export const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  [SEQ]: ['序号', '序', '编号', '顺序号', 'no', 'no.'],
  [REGION_NAME]: [
    '地区', '所在地', '所在地区', '县（市、区）', '县(市、区)', '县（市区）', '县市区', '县区', '市县', '市（州）', '市(州)', '市州', '地市', '省份', '省', '省（区、市）',
    '省(区、市)', '省区市', '市', '县', '区县', '所在县（市、区）', '属地', '区域', '行政区域', '行政区', '企业所在地', '所属地区', '地区名称',
  ],
  line_id: ['清单编号', '设备编号', '生产线编号', '线编号'],
  enterprise_name: ['企业名称', '单位名称', '企业', '企业（单位）名称', '企业(单位)名称', '公司名称', '淘汰企业', '企业全称', '生产企业', '企业名单', '淘汰企业名称', '企业单位名称'],
  credit_code: ['统一社会信用代码', '信用代码', '社会信用代码', '统一信用代码'],
  region_code: ['行政区划代码', '区划代码', '地区代码', '行政区划'],
  industry: ['行业', '所属行业', '行业类别', '行业名称', '行业分类'],
  equipment: [
    '淘汰内容', '落后设备', '生产线（设备）', '生产线(设备)', '主要设备', '设备名称', '设备名称及型号', '淘汰设备', '落后工艺装备', '主体设备', '淘汰生产线（设备）',
    '淘汰生产线(设备)', '生产线', '装备名称', '淘汰设备名称', '设备（生产线）', '设备(生产线)', '设备型号', '规格型号', '型号规格', '型号', '淘汰落后设备', '主要淘汰设备',
    '设备名称（型号规格）', '设备名称(型号规格)', '淘汰生产线（设备）型号及数量', '淘汰生产线(设备)型号及数量', '落后生产线', '淘汰设备（生产线）', '淘汰设备(生产线)', '设备',
    '落后产能设备', '淘汰的设备', '落后工艺设备', '工艺装备',
  ],
  equipment_count: ['数量', '台数', '设备数量', '台（套）数', '台(套)数', '条数', '座数', '数量（台）', '数量(台)', '数量（台/套）', '数量(台/套)'],
  capacity: ['产能', '淘汰能力', '规模', '淘汰产能', '生产能力', '设计产能', '年产能', '实际淘汰产能数量', '淘汰规模', '产能规模', '能力', '淘汰落后产能', '淘汰能力（产能）', '落后产能', '目标任务', '淘汰目标', '目标产能', '淘汰目标任务'],
  capacity_unit: ['产能单位', '计量单位', '能力单位'],
  deadline: ['淘汰时间', '计划完成时间', '淘汰时限', '完成时限', '淘汰期限', '计划淘汰时间', '淘汰完成时间', '时限', '拟淘汰时间', '计划淘汰时限', '完成期限'],
  status: ['状态', '淘汰状态', '进展情况', '完成情况', '当前状态', '淘汰情况', '淘汰进度'],
  shutdown_date: ['关停时间', '停产时间', '关闭时间', '停产日期', '关停日期'],
  sealed_date: ['封存时间', '封存日期'],
  dismantled_date: ['拆除时间', '主体设备拆除时间', '拆除日期', '实际拆除时间'],
  accepted_date: ['验收时间', '验收日期'],
  employees: ['涉及职工人数', '职工人数', '涉及职工', '在岗职工人数', '涉及人数'],
  employees_resettled: ['已安置职工人数', '安置职工人数', '已安置人数', '安置人数'],
  fixed_assets: ['固定资产净值', '固定资产'],
  central_reward: ['中央财政奖励资金', '中央奖励资金', '中央财政奖励'],
  provincial_compensation: ['省级补偿资金', '省级奖励资金', '省级财政补偿资金'],
  energy_saved_tce: ['节能量', '节能（折标煤，吨）', '节能(折标煤,吨)', '节约标煤'],
  equipment_destination: ['设备去向', '去向'],
  can_resume: ['能否恢复生产', '是否具备恢复生产能力', '可否恢复生产', '是否可恢复生产'],
  stock_code: ['股票代码', '证券代码'],
  note: ['备注', '说明'],
  count: ['数量（处/台）', '处数', '数量', '目标数量'],
  target_completed: ['是否完成', '目标任务是否完成', '是否完成目标任务'],
  target_score: ['目标任务得分', '目标任务完成得分', '目标任务完成情况得分'],
  policy_score: ['政策措施得分', '政策措施落实得分', '政策措施配套落实得分'],
  bonus: ['奖励加分', '加分'],
  total: ['总分', '考核得分', '合计得分', '总得分'],
  grade: ['等级', '考核等级', '考核结果'],
  card_id: ['牌号'],
  card: ['牌色', '红黄牌', '牌别', '红牌/黄牌', '红牌黄牌'],
  dimension: ['不达标类别', '标准类别', '不达标方面'],
  issued_date: ['发牌时间', '发布日期', '发牌日期'],
  resolved_date: ['整改完成时间', '整改完成日期'],
  outcome: ['处理结果', '处理意见', '整改结果'],
};

/** Columns whose several source columns are joined rather than one chosen (设备名称 + 规格型号). */
export const JOINED = new Set(['equipment', 'note']);

/** The column that makes a table a list of this kind: a table without it is left out. */
export const ANCHORS: Readonly<Record<string, readonly string[]>> = {
  plan: ['enterprise_name'],
  completion: ['enterprise_name'],
  cards: ['enterprise_name'],
  target: ['region_code', REGION_NAME],
  assessment: ['region_code', REGION_NAME],
};
