import type { MouseEvent } from 'react';
import type { Words } from '../words.js';
import { formatScore } from '../words.js';
import { BandBadge, type BandLike } from './band.js';

export interface LeagueRow {
  key: string;
  rank?: number;
  name: string;
  score?: number;
  band?: BandLike;
  /** Where its name leads (see views/nav.ts linkTo). */
  link?: { href: string; onClick: (event: MouseEvent) => void };
  /** Shown after the band: the change since the cycle before. */
  change?: string;
}

/** One peer group's league table; governments without a published result come last, unranked. */
export function LeagueTable({
  caption,
  rows,
  words,
  showChange = false,
}: {
  caption: string;
  rows: readonly LeagueRow[];
  words: Words;
  showChange?: boolean;
}) {
  return (
    <div className="table-wrap">
      <table className="league">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{words.rank}</th>
            <th scope="col">{words.name}</th>
            <th scope="col" className="number">
              {words.score}
            </th>
            <th scope="col">{words.band}</th>
            {showChange && <th scope="col">{words.change}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={showChange ? 5 : 4} className="empty">
                {words.empty}
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={row.key} className={row.score === undefined ? 'unscored' : undefined}>
              <td>{row.rank ?? '–'}</td>
              <td>{row.link ? <a {...row.link}>{row.name}</a> : row.name}</td>
              <td className="number">{row.score === undefined ? '' : formatScore(row.score)}</td>
              <td>{row.band ? <BandBadge band={row.band} /> : words.noResult}</td>
              {showChange && <td>{row.change ?? ''}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
