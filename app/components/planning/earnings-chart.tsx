import { useEffect, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';

import { SKILL_LABELS, type Skill } from '#server/domain/skills';
import { type EarningsChart as EarningsChartData } from '#server/planning/earnings-chart';

import { formatKes } from '../../format';

const CHART_HEIGHT = 260;

/** Why the figure differs between workshops, in a sentence a planner can check against the table. */
export function EarningsExplanation() {
  return (
    <p className="muted" data-testid="earnings-explanation">
      Earnings per capacity-hour is what this plan pays a workshop for its jobs (units × piece rate) divided by the
      hours it has free in these weeks. Piece rates differ by skill, so workshops of a better-paid skill earn more per
      hour even in a fair plan: compare workshops within a skill. A flat line within each skill is a fair plan.
    </p>
  );
}

/** The spread within each skill, so a difference that comes from piece rates shows as such. */
function SkillSpreadTable({ bySkill }: { bySkill: EarningsChartData['bySkill'] }) {
  return (
    <div className="table-scroll">
      <table className="data" data-testid="earnings-by-skill">
        <caption>Earnings per capacity-hour by skill (the workshop’s first skill)</caption>
        <thead>
          <tr>
            <th>Skill</th>
            <th className="num">Workshops</th>
            <th className="num">Lowest</th>
            <th className="num">Median</th>
            <th className="num">Highest</th>
          </tr>
        </thead>
        <tbody>
          {bySkill.map((row) => (
            <tr key={row.skill}>
              <td>{SKILL_LABELS[row.skill as Skill] ?? row.skill}</td>
              <td className="num">{row.workshops}</td>
              <td className="num">{formatKes(row.lowest)}</td>
              <td className="num">{formatKes(row.median)}</td>
              <td className="num">{formatKes(row.highest)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Earnings per capacity-hour by workshop, highest first: a fair plan is a flat line. The
 * highest and lowest workshops are also listed as text, which reads without JavaScript and
 * for screen readers. The bars are drawn in the browser only (they measure their container, so
 * the server could render no more than an empty frame of the same size, as it sends now).
 */
export function EarningsChart({ chart }: { chart: EarningsChartData | null }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  if (!chart || chart.bars.length === 0)
    return <p className="muted">This plan has no capacity snapshot to measure earnings against.</p>;
  const { bars, bySkill, listed, gapBefore } = chart;
  const data = bars.map((bar) => ({ ...bar, kesPerHour: bar.centsPerHour / 100 }));
  return (
    <div className="earnings-chart" data-testid="earnings-chart">
      {mounted ? (
        <BarChart
          responsive
          data={data}
          style={{ width: '100%', height: CHART_HEIGHT }}
          margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
          barCategoryGap={1}
        >
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis
            dataKey="code"
            tick={false}
            label={{ value: `${bars.length} workshops, highest to lowest`, position: 'insideBottom', offset: -2 }}
            height={28}
          />
          <YAxis tickFormatter={(value: number) => `${Math.round(value)}`} width={44} />
          <Tooltip
            formatter={(value) => [`${formatKes(Number(value) * 100)} per hour`, 'Earnings']}
            labelFormatter={(label) => `Workshop ${String(label)}`}
          />
          <Bar dataKey="kesPerHour" fill="#b45309" isAnimationActive={false} />
        </BarChart>
      ) : (
        <div style={{ width: '100%', height: CHART_HEIGHT }} />
      )}
      <SkillSpreadTable bySkill={bySkill} />
      <div className="table-scroll">
        <table className="data earnings-chart__extremes">
          <caption>Highest and lowest earnings per capacity-hour</caption>
          <thead>
            <tr>
              <th>Workshop</th>
              <th>Skill</th>
              <th className="num">Per capacity-hour</th>
              <th className="num">Earnings</th>
              <th className="num">Free hours</th>
            </tr>
          </thead>
          <tbody>
            {listed.map((rate, index) => (
              <tr key={rate.code} className={index === gapBefore ? 'earnings-chart__gap' : undefined}>
                <td>{rate.code}</td>
                <td>{SKILL_LABELS[rate.skill as Skill] ?? rate.skill}</td>
                <td className="num">{formatKes(rate.centsPerHour)}</td>
                <td className="num">{formatKes(rate.earningsCents)}</td>
                <td className="num">{rate.capacityHours}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
