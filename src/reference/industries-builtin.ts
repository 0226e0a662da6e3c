import type { Industry } from '../schema/industry.ts';

/**
 * Source suffix for criteria quoted from the State Council notice (seed 002, section 二（二）
 * 目标任务). The seed's rewritten years ("2025年底前", "国发〔2025〕7号") are kept as written.
 */
const NOTICE = '（《国务院关于进一步加强淘汰落后产能工作的通知》国发〔2025〕7号 二（二））';

/** For industries the notice does not cover: the national catalogue decides. */
const CATALOGUE = '国发〔2025〕7号未列该行业的具体标准，按现行《产业结构调整指导目录》淘汰类确定';

/**
 * Built-in industry taxonomy.
 *
 * Sources:
 * - seed 002, 《国务院关于进一步加强淘汰落后产能工作的通知》（国发〔2025〕7号）二（二）目标任务:
 *   the key industries and the national criteria (电力, 煤炭, 焦炭, 铁合金, 电石, 钢铁, 有色金属,
 *   建材, 轻工业, 纺织), quoted from the full-width-punctuation copy of the notice;
 * - seed 003, 豫淘汰落后办〔2021〕10号 (forwarded by 郑淘汰落后办〔2021〕2号): 钢铁、煤炭、焦化、水泥、
 *   石化化工、电解铝、平板玻璃 as key industries, under 《河南省淘汰落后产能综合标准体系（2020年本）》
 *   （豫淘汰落后办〔2020〕4号）;
 * - seed 004, 随经信发〔2024〕2号: 钢铁、水泥 and the 淘汰类 of 《产业结构调整指导目录（2024年本）》;
 * - seed 000, 楚工信通〔2025〕206号 (as reported by **州): 《产业结构调整指导目录》 and
 *   "铅蓄电池等相关行业准入条件";
 * - DATA-CONTRACT.md "Reference tables → Industries" for the required list, aliases and units.
 *
 * Groups. Where the notice puts an industry inside a 行业 paragraph, that paragraph is its group:
 * 钢铁行业 → 炼铁, 炼钢; 有色金属行业 → 电解铝, 铜/铅/锌冶炼; 建材行业 → 水泥, 平板玻璃;
 * 轻工业 → 造纸, 酒精, 味精, 柠檬酸, 制革; 纺织行业 → 印染, 化纤 (so 化纤 is 纺织, not 化工).
 * The notice gives 焦炭, 铁合金 and 电石 paragraphs of their own, so it does not group them; for
 * those we follow the national industry classification (GB/T 4754): 铁合金冶炼 is in 大类31
 * 黑色金属冶炼和压延加工业 → 钢铁; 炼焦 is in 大类25 石油、煤炭及其他燃料加工业 and 电石 in 大类26
 * 化学原料和化学制品制造业 → 化工 (with 石化化工). 稀土 (稀土金属冶炼, 大类32) → 有色金属.
 * 铅蓄电池 is an electrical product in GB/T 4754, but its industry admission conditions are
 * administered by MIIT's consumer-goods (light industry) side, and national lists of backward
 * capacity put it with the light industries → 轻工. 电力 and 煤炭 → 能源.
 *
 * Coarse group entries (钢铁, 有色金属, 建材, 轻工, 纺织) are accepted where a list is only that
 * coarse; each has `group` equal to its own name. 能源 and 化工 have no entry of their own (the
 * contract does not list them as accepted values).
 *
 * Aliases are names of industries as lists and documents write them (including the notice's own
 * "XX行业" headings), never equipment; no alias equals another entry's name or alias. Bracketed
 * aliases are given in both ASCII and full-width form.
 */
export const BUILTIN_INDUSTRIES: readonly Industry[] = [
  // ── 能源 ────────────────────────────────────────────────────────────────────────────────
  {
    id: 'power',
    name: '电力',
    aliases: ['电力行业', '火电', '小火电', '小火电机组', '火力发电'],
    group: '能源',
    units: ['万千瓦'],
    criterion: `2025年底前淘汰小火电机组5000万千瓦以上。${NOTICE}`,
  },
  {
    id: 'coal',
    name: '煤炭',
    aliases: ['煤炭行业', '煤矿', '小煤矿'],
    group: '能源',
    units: ['万吨', '处'],
    criterion:
      '2025年底前关闭不具备安全生产条件、不符合产业政策、浪费资源、污染环境的小煤矿8000处，' +
      `淘汰产能2亿吨。${NOTICE}`,
  },

  // ── 钢铁 ────────────────────────────────────────────────────────────────────────────────
  {
    id: 'ironmaking',
    name: '炼铁',
    aliases: [],
    group: '钢铁',
    units: ['万吨'],
    criterion: `钢铁行业：2025年底前，淘汰400立方米及以下炼铁高炉。${NOTICE}`,
  },
  {
    id: 'steelmaking',
    name: '炼钢',
    aliases: [],
    group: '钢铁',
    units: ['万吨'],
    criterion: `钢铁行业：2025年底前，淘汰30吨及以下炼钢转炉、电炉。${NOTICE}`,
  },
  {
    id: 'ferroalloy',
    name: '铁合金',
    aliases: ['铁合金行业'],
    group: '钢铁',
    units: ['万吨'],
    criterion: `2025年底前淘汰6300千伏安以下矿热炉。${NOTICE}`,
  },

  // ── 有色金属 ────────────────────────────────────────────────────────────────────────────
  {
    id: 'aluminium',
    name: '电解铝',
    aliases: ['铝', '铝冶炼'],
    group: '有色金属',
    units: ['万吨'],
    criterion: `有色金属行业：2025年底前，淘汰100千安及以下电解铝小预焙槽。${NOTICE}`,
  },
  {
    id: 'copper',
    name: '铜冶炼',
    aliases: ['铜', '炼铜'],
    group: '有色金属',
    units: ['万吨'],
    criterion: `有色金属行业：2025年底前，淘汰密闭鼓风炉、电炉、反射炉炼铜工艺及设备。${NOTICE}`,
  },
  {
    id: 'lead',
    name: '铅冶炼',
    aliases: ['铅(含再生铅)冶炼', '铅（含再生铅）冶炼', '铅', '炼铅', '再生铅'],
    group: '有色金属',
    units: ['万吨'],
    criterion:
      '有色金属行业：2025年底前，淘汰采用烧结锅、烧结盘、简易高炉等落后方式炼铅工艺及设备，' +
      `淘汰未配套建设制酸及尾气吸收系统的烧结机炼铅工艺。${NOTICE}`,
  },
  {
    id: 'zinc',
    name: '锌冶炼',
    aliases: ['锌', '炼锌'],
    group: '有色金属',
    units: ['万吨'],
    criterion:
      '有色金属行业：2025年底前，淘汰采用马弗炉、马槽炉、横罐、小竖罐（单日单罐产量8吨以下）等进行焙烧、' +
      `采用简易冷凝设施进行收尘等落后方式炼锌或生产氧化锌制品的生产工艺及设备。${NOTICE}`,
  },
  {
    id: 'rare-earth',
    name: '稀土',
    aliases: ['稀土冶炼', '稀土冶炼分离'],
    group: '有色金属',
    units: ['万吨'],
    criterion: `${CATALOGUE}。`,
  },

  // ── 建材 ────────────────────────────────────────────────────────────────────────────────
  {
    id: 'cement',
    name: '水泥',
    aliases: ['水泥(熟料及磨机)', '水泥（熟料及磨机）', '水泥熟料'],
    group: '建材',
    units: ['万吨'],
    criterion:
      '建材行业：2025年底前，淘汰窑径3.0米以下水泥机械化立窑生产线、窑径2.5米以下水泥干法中空窑（生产高铝水泥的除外）、' +
      '水泥湿法窑生产线（主要用于处理污泥、电石渣等的除外）、直径3.0米以下的水泥磨机（生产特种水泥的除外）' +
      `以及水泥土（蛋）窑、普通立窑等落后水泥产能。${NOTICE}`,
  },
  {
    id: 'flat-glass',
    name: '平板玻璃',
    aliases: ['玻璃'],
    group: '建材',
    units: ['万重量箱'],
    // "(含格法)" keeps the seed's ASCII brackets as written.
    criterion: `建材行业：2025年底前，淘汰平拉工艺平板玻璃生产线(含格法)等落后平板玻璃产能。${NOTICE}`,
  },

  // ── 轻工 ────────────────────────────────────────────────────────────────────────────────
  {
    id: 'paper',
    name: '造纸',
    aliases: ['纸', '造纸及纸制品', '造纸及纸制品业', '制浆造纸'],
    group: '轻工',
    units: ['万吨'],
    criterion:
      '轻工业：2025年底前，淘汰年产3.4万吨以下草浆生产装置、年产1.7万吨以下化学制浆生产线，' +
      `淘汰以废纸为原料、年产1万吨以下的造纸生产线。${NOTICE}`,
  },
  {
    id: 'alcohol',
    name: '酒精',
    aliases: [],
    group: '轻工',
    units: ['万吨'],
    criterion: `轻工业：2025年底前，淘汰落后酒精生产工艺及年产3万吨以下的酒精生产企业（废糖蜜制酒精除外）。${NOTICE}`,
  },
  {
    id: 'msg',
    name: '味精',
    aliases: ['谷氨酸钠'],
    group: '轻工',
    units: ['万吨'],
    criterion: `轻工业：2025年底前，淘汰年产3万吨以下味精生产装置。${NOTICE}`,
  },
  {
    id: 'citric-acid',
    name: '柠檬酸',
    aliases: [],
    group: '轻工',
    units: ['万吨'],
    criterion: `轻工业：2025年底前，淘汰环保不达标的柠檬酸生产装置。${NOTICE}`,
  },
  {
    id: 'leather',
    name: '制革',
    aliases: ['皮革', '皮革鞣制加工'],
    group: '轻工',
    units: ['万标张'],
    criterion: `轻工业：2025年底前，淘汰年加工3万标张以下的制革生产线。${NOTICE}`,
  },
  {
    id: 'lead-acid-battery',
    name: '铅蓄电池',
    aliases: ['铅蓄电池(组装)', '铅蓄电池（组装）', '铅酸蓄电池', '铅酸电池'],
    group: '轻工',
    units: ['万千伏安时'],
    criterion:
      `${CATALOGUE}，并执行铅蓄电池行业准入条件（楚工信通〔2025〕206号要求依据` +
      '《产业结构调整指导目录（2025年本）》及“铅蓄电池等相关行业准入条件”拟定淘汰计划）。',
  },

  // ── 纺织 ────────────────────────────────────────────────────────────────────────────────
  {
    id: 'dyeing',
    name: '印染',
    aliases: ['染整'],
    group: '纺织',
    units: ['万米'],
    criterion:
      '纺织行业：2025年底前，淘汰74型染整生产线、使用年限超过15年的前处理设备、浴比大于1∶10的间歇式染色设备，' +
      `淘汰落后型号的印花机、热熔染色机、热风布铗拉幅机、定形机，淘汰高能耗、高水耗的落后生产工艺设备。${NOTICE}`,
  },
  {
    id: 'chemical-fibre',
    name: '化纤',
    aliases: ['化学纤维', '粘胶', '黏胶'],
    group: '纺织',
    units: ['万吨'],
    criterion:
      '纺织行业：2025年底前，淘汰R531型酸性老式粘胶纺丝机、年产2万吨以下粘胶生产线、湿法及DMF溶剂法氨纶生产工艺、' +
      `DMF溶剂法腈纶生产工艺、涤纶长丝锭轴长900毫米以下的半自动卷绕设备、间歇法聚酯设备等落后化纤产能。${NOTICE}`,
  },

  // ── 化工 ────────────────────────────────────────────────────────────────────────────────
  {
    // Later documents (seed 003, 豫淘汰落后办〔2021〕10号) write 焦化; it is the same industry.
    id: 'coke',
    name: '焦炭',
    aliases: ['焦化', '焦炭行业', '焦化行业', '炼焦'],
    group: '化工',
    units: ['万吨'],
    criterion: `2025年底前淘汰炭化室高度4.3米以下的小机焦（3.2米及以上捣固焦炉除外）。${NOTICE}`,
  },
  {
    id: 'calcium-carbide',
    name: '电石',
    aliases: ['电石行业'],
    group: '化工',
    units: ['万吨'],
    criterion: `2025年底前淘汰6300千伏安以下矿热炉。${NOTICE}`,
  },
  {
    id: 'petrochemical',
    name: '石化化工',
    aliases: ['石化', '石油化工', '石油和化工'],
    group: '化工',
    units: ['万吨'],
    criterion:
      `${CATALOGUE}；河南省将其列为重点行业，依据《河南省淘汰落后产能综合标准体系（2020年本）》` +
      '（豫淘汰落后办〔2020〕4号）认定（豫淘汰落后办〔2021〕10号）。',
  },

  // ── 其他 ────────────────────────────────────────────────────────────────────────────────
  {
    id: 'other',
    name: '其他',
    aliases: ['其它'],
    group: '其他',
    units: ['万吨', '万千瓦', '万重量箱', '万标张', '万米', '万千伏安时', '处', '台', '条', '座'],
    criterion:
      '上列行业以外的落后产能，按现行《产业结构调整指导目录》淘汰类及地方综合标准体系确定；' +
      `各地区可根据当地产业发展实际，制定范围更宽、标准更高的淘汰落后产能目标任务。${NOTICE}`,
  },

  // ── Coarse groups, accepted where a list is only that coarse ────────────────────────────
  {
    id: 'steel',
    name: '钢铁',
    aliases: ['钢铁行业'],
    group: '钢铁',
    units: ['万吨'],
    criterion: `粗分类，含炼铁、炼钢、铁合金：2025年底前，淘汰400立方米及以下炼铁高炉，淘汰30吨及以下炼钢转炉、电炉。${NOTICE}`,
  },
  {
    id: 'nonferrous',
    name: '有色金属',
    aliases: ['有色金属行业', '有色'],
    group: '有色金属',
    units: ['万吨'],
    criterion: `粗分类，含电解铝、铜冶炼、铅冶炼、锌冶炼、稀土：2025年底前淘汰电解铝小预焙槽及落后的炼铜、炼铅、炼锌工艺及设备。${NOTICE}`,
  },
  {
    id: 'building-materials',
    name: '建材',
    aliases: ['建材行业', '建筑材料'],
    group: '建材',
    units: ['万吨', '万重量箱'],
    criterion: `粗分类，含水泥、平板玻璃：2025年底前淘汰落后水泥产能和平拉工艺等落后平板玻璃产能。${NOTICE}`,
  },
  {
    id: 'light-industry',
    name: '轻工',
    aliases: ['轻工业'],
    group: '轻工',
    // 万千伏安时 added beyond the brief's 万吨/万标张 because 铅蓄电池 is in this group.
    units: ['万吨', '万标张', '万千伏安时'],
    criterion: `粗分类，含造纸、酒精、味精、柠檬酸、制革、铅蓄电池：2025年底前淘汰落后的造纸、酒精、味精、柠檬酸、制革产能。${NOTICE}`,
  },
  {
    id: 'textiles',
    name: '纺织',
    aliases: ['纺织行业', '纺织业'],
    group: '纺织',
    units: ['万吨', '万米'],
    criterion: `粗分类，含印染、化纤：2025年底前淘汰落后的染整、印花、染色设备及落后化纤产能。${NOTICE}`,
  },
];
