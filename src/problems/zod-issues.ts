/**
 * The one formatter of zod's issues for offices (the habit of Starlight's error map): what was
 * wrong with a value, in Chinese, never zod's English. The validator's front-matter checks, the
 * columns zod checks itself and the lock all say it this way.
 */
import type { z } from 'zod';

/** What a value should have been, for an issue of type. */
const TYPE_ZH: Readonly<Record<string, string>> = {
  number: '数字', string: '文字', boolean: ' true 或 false', object: '“字段: 值”的组合，如 { name: 张三 }', array: '列表（每项以“- ”开头）', date: '日期',
};

export function issueDetail(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `应为${TYPE_ZH[issue.expected] ?? '另一种写法'}`;
    case 'too_small':
      return typeof issue.minimum === 'number' || typeof issue.minimum === 'bigint' ? (issue.origin === 'string' || issue.origin === 'array' ? '太短' : `不能小于 ${String(issue.minimum)}`) : '太短或太小';
    case 'too_big':
      return typeof issue.maximum === 'number' || typeof issue.maximum === 'bigint' ? (issue.origin === 'string' || issue.origin === 'array' ? '太长' : `不能大于 ${String(issue.maximum)}`) : '太长或太大';
    case 'invalid_format':
      return '格式不对';
    case 'invalid_value':
      return '不是允许的取值';
    case 'unrecognized_keys':
      return `有不认识的项 ${issue.keys.join('、')}`;
    case 'custom':
      // A refinement's own message is Chinese (没有这一天, 结束日期早于开始日期); zod's are English.
      return /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : '不符合要求';
    default:
      return '不符合要求';
  }
}
