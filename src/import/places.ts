/**
 * Place names → region codes, against the region table the validator uses (GB/T 2260 plus the data
 * root's regions.csv, historical codes included). A name is read as a chain from the largest place
 * down (山西省太原市小店区, 淄博市临淄), each step a full name (唐山市) or a short one (唐山, 楚雄州,
 * 临淄). A name that fits more than one region, after the announcement's region, the list's
 * sections and the year have narrowed it, is ambiguous: it is never guessed.
 */
import type { Region } from '../schema/region.ts';
import type { RegionTable } from '../reference/regions.ts';

/** The 56 ethnic groups' names as they appear in autonomous regions' names (彝族自治州 …). */
const ETHNIC = '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|各';
const AUTONOMOUS = new RegExp(`^(.{2,}?)(?:(?:${ETHNIC})族)+自治(州|县|旗)$`);

/** How a name was matched: its full name; a province's short name (河北, 内蒙古); another short name. */
export type NameRank = 0 | 1 | 2;

/** Short forms of a region's name, each at least two characters. */
export function shortNames(r: Region): string[] {
  const out = new Set<string>();
  const n = r.name;
  const auto = AUTONOMOUS.exec(n);
  if (auto) {
    out.add(auto[1]! + auto[2]!); // 楚雄州, 峨边县
    out.add(auto[1]!); // 楚雄
  }
  const province = /^(.+?)(?:省|市|(?:壮族|回族|维吾尔)?自治区|特别行政区)$/.exec(n);
  if (r.level === 'province' && province) out.add(province[1]!);
  const plain = /^(.+?)(?:市|区|县|地区|盟|自治州|自治县|自治旗|旗|林区|特区)$/.exec(n);
  if (r.level !== 'province' && plain && !auto) out.add(plain[1]!);
  return [...out].filter((s) => s.length >= 2 && s !== n);
}

interface Named {
  region: Region;
  rank: NameRank;
}

export interface PlaceIndex {
  /** Regions a name may mean. */
  get(name: string): readonly Named[] | undefined;
  readonly longest: number;
  readonly regions: RegionTable;
}

export function buildPlaceIndex(regions: RegionTable): PlaceIndex {
  const byName = new Map<string, Named[]>();
  const add = (name: string, region: Region, rank: NameRank) => {
    const list = byName.get(name);
    if (!list) byName.set(name, [{ region, rank }]);
    else if (!list.some((x) => x.region.code === region.code)) list.push({ region, rank });
  };
  let longest = 0;
  for (const r of regions.all) {
    if (r.level === 'nation') continue;
    add(r.name, r, 0);
    longest = Math.max(longest, r.name.length);
    for (const s of shortNames(r)) add(s, r, r.level === 'province' ? 1 : 2);
  }
  return { get: (n) => byName.get(n), longest, regions };
}

export interface PlaceContext {
  /** The announcement's region: every row's region lies inside it. */
  within: string;
  /** Narrower places known for the row (a province heading, a province column): preferred when they leave a candidate. */
  hints: readonly string[];
  /** The list's year: a historical code valid then is preferred over one that was not. */
  year: number;
}

export interface PlaceMatch {
  /** Regions the text may mean, most specific step of the chain (one when resolved). */
  candidates: Region[];
  /** The part of the text read as place names. */
  matched: string;
  /** Worst rank used along the chain (0: full names only). */
  rank: NameRank;
}

const validIn = (r: Region, year: number) => (!r.valid_from || r.valid_from <= `${year}-12-31`) && (!r.valid_to || r.valid_to >= `${year}-01-01`);

/** Keeps the candidates the context prefers, when it leaves any. */
function narrow(cands: Region[], ctx: PlaceContext, regions: RegionTable): Region[] {
  let out = cands.filter((r) => regions.contains(ctx.within, r.code) || regions.contains(r.code, ctx.within));
  for (const h of ctx.hints) {
    const inside = out.filter((r) => regions.contains(h, r.code));
    if (inside.length > 0) out = inside;
  }
  const valid = out.filter((r) => validIn(r, ctx.year));
  if (valid.length > 0) out = valid;
  return out;
}

/**
 * Reads place names at the start of `text` as a chain. `shortOk`: short names may start the
 * chain (a region column, a heading). In an enterprise's name a short name may only follow a
 * full one (淄博市临淄), unless `shortOk`, since a company's name often starts with a word that is
 * also some county's short name (山东泰山钢铁 is not in 泰山区).
 */
export function matchPlace(text: string, index: PlaceIndex, ctx: PlaceContext, shortOk: boolean): PlaceMatch | undefined {
  const regions = index.regions;
  let current: Region[] | undefined;
  let pos = 0;
  let rank: NameRank = 0;
  let lastFull = false;
  while (pos < text.length) {
    let step: { cands: Region[]; len: number; rank: NameRank } | undefined;
    for (let len = Math.min(index.longest, text.length - pos); len >= 2 && !step; len--) {
      const named = index.get(text.slice(pos, pos + len));
      if (!named) continue;
      const allowed = named.filter((x) => x.rank === 0 || shortOk || lastFull);
      // Below a place already read, only its descendants; a name that fits none is no step.
      const below = current ? allowed.filter((x) => current!.some((c) => regions.contains(c.code, x.region.code) && c.code !== x.region.code)) : allowed;
      if (below.length === 0) continue;
      // Full names before short ones; a province's short name before another region's.
      const best = Math.min(...below.map((x) => x.rank)) as NameRank;
      const cands = narrow(below.filter((x) => x.rank === best).map((x) => x.region), ctx, regions);
      if (cands.length > 0) step = { cands, len, rank: best };
    }
    if (!step) break;
    current = step.cands;
    rank = Math.max(rank, step.rank) as NameRank;
    lastFull = step.rank === 0;
    pos += step.len;
  }
  if (!current) return undefined;
  return { candidates: current, matched: text.slice(0, pos), rank };
}

/** Region with its chain of names, for the report: 110105 北京市朝阳区. */
export function regionLabel(r: Region, regions: RegionTable): string {
  return `${r.code} ${regions.chain(r.code).filter((x) => x.level !== 'nation').map((x) => x.name).join('')}`;
}
