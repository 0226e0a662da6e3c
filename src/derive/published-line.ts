/**
 * A line's published record (src/schema/published-line.ts) from the model: the one place the
 * value of each published column is computed. Pure.
 */
import { statusLabel } from '../schema/line.ts';
import type { PublishedLine } from '../schema/published-line.ts';
import type { LineState, Model } from './model.ts';

/** The announcement in force that last listed the line: the one its state comes from. */
export function latestInForce(l: LineState): string {
  for (let i = l.mentions.length - 1; i >= 0; i--) if (!l.mentions[i]!.superseded) return l.mentions[i]!.announcementId;
  return l.mentions[l.mentions.length - 1]!.announcementId;
}

export function publishLine(model: Model, l: LineState): PublishedLine {
  const r = l.row;
  return {
    line_key: l.key,
    line_id: r.line_id,
    enterprise_key: l.enterpriseKey,
    enterprise_name: r.enterprise_name,
    credit_code: r.credit_code,
    region_code: r.region_code,
    region_name: model.regions.get(r.region_code)?.name ?? r.region_code,
    industry: r.industry,
    industry_name: model.taxonomy.get(r.industry)?.name ?? r.industry,
    equipment: r.equipment,
    equipment_count: r.equipment_count ?? 1,
    capacity: r.capacity,
    capacity_unit: r.capacity_unit,
    deadline: r.deadline,
    status: l.status,
    status_label: statusLabel(l.status),
    overdue: l.overdue,
    unreported: l.unreported,
    plan_year: l.planYear,
    completed_year: l.completedYear,
    equipment_destination: r.equipment_destination,
    can_resume: r.can_resume,
    first_published: l.firstPublished,
    last_changed: l.lastChanged,
    latest_announcement: latestInForce(l),
    announcements: l.mentions.map((m) => m.announcementId).join(';'),
    example: l.example,
  };
}
