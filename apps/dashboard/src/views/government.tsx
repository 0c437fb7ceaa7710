import { BandBadge } from '../components/band.js';
import { Download } from '../components/downloads.js';
import { type ChartPoint, ScoreChart } from '../components/score-chart.js';
import { Loaded } from '../components/states.js';
import {
  AssessmentLokusDocument,
  type AssessmentLokusQuery,
  GovernmentDocument,
  RaporLinkDocument,
  type ResultPointFragment,
} from '../generated/graphql.js';
import { authHeaders } from '../graph/request.js';
import { useQuery } from '../graph/use-query.js';
import { FRAMEWORKS, formatScore, frameworkName, type Words } from '../words.js';
import { linkTo, type Nav } from './nav.js';

const pointsOf = (results: readonly ResultPointFragment[]): ChartPoint[] =>
  results.map((r) => ({
    year: r.cycle.year,
    score: r.score,
    band: r.band,
    comparable: r.change?.comparable ?? false,
  }));

/**
 * What pulled the newest result down: its lokus (the sampled service units) from the lowest,
 * and under each the indicators furthest below their top level.
 */
function Weakest({ assessmentId, words }: { assessmentId: string; words: Words }) {
  const state = useQuery(AssessmentLokusDocument, { id: assessmentId });
  return (
    <Loaded state={state} words={words}>
      {(data) => <WeakestLokus lokus={data.assessment?.lokus ?? []} words={words} />}
    </Loaded>
  );
}

type LokusRow = NonNullable<NonNullable<AssessmentLokusQuery['assessment']>['lokus']>[number];

function WeakestLokus({ lokus: all, words }: { lokus: readonly LokusRow[]; words: Words }) {
  const lokus = [...all]
    .filter((l) => l.score !== null && l.score !== undefined)
    .sort((a, b) => (a.score ?? 0) - (b.score ?? 0))
    .slice(0, 3);
  if (lokus.length === 0) return <p className="state empty">{words.lokusNone}</p>;
  return (
    <ul className="weakest">
      {lokus.map((l) => {
        const indicators = [...l.indicators]
          .map((i) => ({
            ...i,
            share:
              (i.score - i.indicator.minLevel) /
              Math.max(1, i.indicator.maxLevel - i.indicator.minLevel),
          }))
          .filter((i) => i.share < 1)
          .sort((a, b) => a.share - b.share)
          .slice(0, 3);
        return (
          <li key={l.id}>
            <strong>{l.unit.name}</strong> {formatScore(l.score ?? 0)}{' '}
            {l.band && <BandBadge band={l.band} />}
            {indicators.length > 0 && (
              <ul>
                {indicators.map((i) => (
                  <li key={i.indicator.key}>
                    {i.indicator.name}: {i.score}/{i.indicator.maxLevel}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function Framework({
  framework,
  results,
  words,
  lang,
}: {
  framework: string;
  results: readonly ResultPointFragment[];
  words: Words;
  lang: 'id' | 'en';
}) {
  const name = frameworkName(framework, lang);
  const newest = results[0];
  return (
    <article className="framework" aria-label={name}>
      <h3>{name}</h3>
      <ScoreChart points={pointsOf(results)} label={`${words.scores}: ${name}`} />
      <div className="table-wrap">
        <table className="results">
          <thead>
            <tr>
              <th scope="col">{words.year}</th>
              <th scope="col" className="number">
                {words.score}
              </th>
              <th scope="col">{words.band}</th>
              <th scope="col">{words.change}</th>
              <th scope="col">{words.source}</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr key={r.cycle.year}>
                <td>{r.cycle.year}</td>
                <td className="number">{formatScore(r.score)}</td>
                <td>
                  <BandBadge band={r.band} />
                </td>
                <td>
                  {!r.change
                    ? words.newEntry
                    : r.change.comparable && typeof r.change.delta === 'number'
                      ? `${r.change.delta > 0 ? '+' : ''}${formatScore(r.change.delta)}`
                      : words.methodBreak}
                </td>
                <td className="source">{r.assessment.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {newest && (
        <>
          <h4>
            {words.lokus} ({newest.cycle.year})
          </h4>
          <Weakest assessmentId={newest.assessment.id} words={words} />
        </>
      )}
    </article>
  );
}

/** A government: the contract's organisation query drawn as charts, lists and a rapor to download. */
export function GovernmentView({ nav, words }: { nav: Nav; words: Words }) {
  const { route } = nav;
  const id = route.organisation ?? '';
  const state = useQuery(GovernmentDocument, { id }, { skip: !id });
  const rapor = useQuery(RaporLinkDocument, { organisationId: id }, { skip: !id });
  if (!id) return <p className="state empty">{words.chooseGovernment}</p>;
  const signedIn = Boolean(authHeaders().authorization);
  return (
    <section>
      <Loaded state={state} words={words}>
        {(data) => {
          const org = data.organisation;
          if (!org) return <p className="state empty">{words.notFound}</p>;
          const province = org.regency?.province ?? org.province;
          const byFramework = FRAMEWORKS.map((f) => ({
            key: f.key,
            results: (f.key === 'IPP' ? org.ipp : f.key === 'SKM' ? org.skm : org.compliance) ?? [],
          })).filter((f) => f.results.length > 0);
          return (
            <>
              <h2>{org.name}</h2>
              {province && (
                <p>
                  <a {...linkTo(nav, { view: 'provinsi', province: province.code })}>
                    {province.name}
                  </a>
                </p>
              )}
              {rapor.status === 'done' && (
                <p className="downloads">
                  {words.download}: <Download file={rapor.data.raporFile} label={words.rapor} />
                </p>
              )}
              {byFramework.length === 0 && <p className="state empty">{words.empty}</p>}
              <div className="frameworks">
                {byFramework.map((f) => (
                  <Framework
                    key={f.key}
                    framework={f.key}
                    results={f.results}
                    words={words}
                    lang={route.lang}
                  />
                ))}
              </div>
              <div className="split">
                <div>
                  <h3>{words.findings}</h3>
                  {!signedIn ? (
                    <p className="state empty">{words.findingsSignIn}</p>
                  ) : org.findings.length === 0 ? (
                    <p className="state empty">{words.empty}</p>
                  ) : (
                    <ul className="findings">
                      {org.findings.map((f) => (
                        <li key={f.id} className={f.overdue ? 'overdue' : undefined}>
                          {f.text} ({f.lokusUnit?.name ?? f.indicator ?? f.kind}; {words.due}{' '}
                          {f.dueOn}
                          {f.overdue ? `, ${words.overdue}` : ''})
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
                <div>
                  <h3>{words.awards}</h3>
                  {(org.awards ?? []).length === 0 ? (
                    <p className="state empty">{words.empty}</p>
                  ) : (
                    <ul>
                      {(org.awards ?? []).map((a) => (
                        <li key={a.id}>
                          {a.title} ({a.awardedOn})
                        </li>
                      ))}
                    </ul>
                  )}
                  <h3>{words.events}</h3>
                  {(org.events ?? []).length === 0 ? (
                    <p className="state empty">{words.empty}</p>
                  ) : (
                    <ul>
                      {(org.events ?? []).map((e) => (
                        <li key={e.id}>
                          {e.startsOn}: {e.title}
                          {e.venue ? ` (${e.venue})` : ''}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              </div>
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
