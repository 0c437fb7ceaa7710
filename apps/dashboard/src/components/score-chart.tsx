import { bandColour, methodologyById } from '@mutu/scoring';
import { LineChart } from 'echarts/charts';
import { GridComponent, MarkAreaComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { formatScore } from '../words.js';

// Only the parts drawn here; SVG so the figures are text a screen reader and a test can find.
echarts.use([LineChart, GridComponent, MarkAreaComponent, TooltipComponent, SVGRenderer]);

export interface ChartPoint {
  year: number;
  score: number;
  band: { grade?: string | null; label: string; zone?: string | null; methodology: string };
  /** False where the method changed since the point before: the line breaks there. */
  comparable: boolean;
}

/**
 * One framework's scores across the years: the newest method's bands behind as coloured
 * strips, each point in its own band's colour and labelled "3.66 (B)", the line broken where the
 * method changed (scores of two methods do not compare).
 */
export function ScoreChart({ points, label }: { points: readonly ChartPoint[]; label: string }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current || points.length === 0) return;
    const sorted = [...points].sort((a, b) => a.year - b.year);
    const newest = sorted[sorted.length - 1];
    const method = newest && methodologyById(newest.band.methodology);
    const years = sorted.map((p) => String(p.year));
    const segments: ChartPoint[][] = [];
    for (const point of sorted) {
      const last = segments[segments.length - 1];
      if (last && point.comparable) last.push(point);
      else segments.push([point]);
    }
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: 44, right: 16, top: 16, bottom: 28 },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'category', data: years },
      yAxis: {
        type: 'value',
        min: method?.scale.min ?? 0,
        max: method?.scale.max ?? 100,
      },
      series: segments.map((segment, index) => ({
        type: 'line',
        name: label,
        symbolSize: 10,
        data: years.map((year) => {
          const point = segment.find((p) => String(p.year) === year);
          return point
            ? {
                value: point.score,
                itemStyle: { color: bandColour(point.band), borderColor: '#333' },
                label: {
                  show: true,
                  position: 'top',
                  formatter: `${formatScore(point.score)} (${point.band.grade ?? point.band.label})`,
                },
              }
            : null;
        }),
        lineStyle: { color: '#333' },
        markArea:
          index === 0 && method
            ? {
                silent: true,
                data: method.bands.map((band) => [
                  {
                    yAxis: band.min,
                    itemStyle: { color: bandColour(band), opacity: 0.22 },
                  },
                  { yAxis: band.max },
                ]),
              }
            : undefined,
      })),
    });
    const resize = () => chart.resize();
    addEventListener('resize', resize);
    return () => {
      removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [points, label]);
  return <div className="chart" ref={element} role="img" aria-label={label} />;
}
