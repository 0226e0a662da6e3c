import type { APIRoute, GetStaticPaths } from 'astro';
import { chartTableToCsv } from '../../../charts/index.ts';
import { getModel } from '../../../site/record.ts';
import { allCharts, chartById } from '../../../site/charts.ts';

/** `/embed/<id>/data.csv` (exactly the chart's numbers) and `/embed/<id>/chart.svg`. */
export const getStaticPaths = (() =>
  allCharts(getModel()).flatMap((c) => [{ params: { chart: c.id, file: 'data.csv' } }, { params: { chart: c.id, file: 'chart.svg' } }])) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const chart = chartById(getModel(), params.chart!)!;
  if (params.file === 'data.csv') return new Response(chartTableToCsv(chart.table), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
  const svg = chart.svg.replace(/^<svg(?![^>]*xmlns=)/, '<svg xmlns="http://www.w3.org/2000/svg"');
  return new Response(`<?xml version="1.0" encoding="utf-8"?>\n${svg}\n`, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
