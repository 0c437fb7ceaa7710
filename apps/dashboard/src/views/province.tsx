import { Download } from '../components/downloads.js';
import { type LeagueRow, LeagueTable } from '../components/league-table.js';
import { Loaded } from '../components/states.js';
import {
  ProvinceDocument,
  ProvinceFilesDocument,
  type ProvinceQuery,
  type ProvinceRankFragment,
} from '../generated/graphql.js';
import { useQuery } from '../graph/use-query.js';
import { formatScore, frameworkName, type Words } from '../words.js';
import { linkTo, type Nav } from './nav.js';
import { Pickers, usePickedYear, yearState } from './pickers.js';

type Change = NonNullable<
  NonNullable<ProvinceRankFragment['organisation']['results']>[number]['change']
>;

function changeOf(entry: ProvinceRankFragment, year: number): Change | null | undefined {
  return entry.organisation.results?.find((r) => r.cycle.year === year)?.change;
}

/** "+0.41", "metode berubah" (method changed: no delta), or "baru" (no result the cycle before). */
function changeText(change: Change | null | undefined, words: Words): string {
  if (!change) return words.newEntry;
  if (!change.comparable || change.delta === null || change.delta === undefined) {
    return `${words.methodBreak} (${change.previousYear})`;
  }
  return `${change.delta > 0 ? '+' : ''}${formatScore(change.delta)}`;
}

/**
 * Every kabupaten and kota of the province in two tables: ranked where a result is published,
 * then the rest unranked, so a government without a result is still seen.
 */
function leagues(data: ProvinceQuery, nav: Nav, words: Words, year: number) {
  const regencies = data.province?.regencies ?? [];
  const tableOf = (kind: 'KABUPATEN' | 'KOTA', entries: readonly ProvinceRankFragment[]) => {
    const ranked: LeagueRow[] = entries.map((e) => ({
      key: e.organisation.id,
      rank: e.rank,
      name: e.organisation.name,
      score: e.score,
      band: e.band,
      change: changeText(changeOf(e, year), words),
      link: linkTo(nav, { view: 'pemerintah', organisation: e.organisation.id }),
    }));
    const scored = new Set(entries.map((e) => e.organisation.regency?.code ?? e.organisation.id));
    const rest: LeagueRow[] = regencies
      .filter((r) => r.kind === kind && !scored.has(r.code))
      .map((r) => ({
        key: r.code,
        name: r.government?.name ?? r.name,
        ...(r.government
          ? { link: linkTo(nav, { view: 'pemerintah', organisation: r.government.id }) }
          : {}),
      }));
    return [...ranked, ...rest];
  };
  return {
    regencies: tableOf('KABUPATEN', data.regencies),
    cities: tableOf('KOTA', data.cities),
  };
}

export function useProvince(code: string, framework: string, year: number | undefined) {
  return useQuery(
    ProvinceDocument,
    { code, framework: framework as never, year: year ?? 0 },
    { skip: !year || !code },
  );
}

/** The province's two league tables (the Nasional view shows them beside the map). */
export function ProvinceTables({
  nav,
  words,
  code,
  year,
}: {
  nav: Nav;
  words: Words;
  code: string;
  year: number;
}) {
  const state = useProvince(code, nav.route.framework, year);
  return (
    <Loaded state={state} words={words}>
      {(data) => {
        const { regencies, cities } = leagues(data, nav, words, year);
        return (
          <>
            <LeagueTable caption={words.regencies} rows={regencies} words={words} showChange />
            <LeagueTable caption={words.cities} rows={cities} words={words} showChange />
          </>
        );
      }}
    </Loaded>
  );
}

function ProvinceDownloads({ nav, words, year }: { nav: Nav; words: Words; year: number }) {
  const { route } = nav;
  const files = useQuery(ProvinceFilesDocument, {
    provinceCode: route.province ?? '',
    framework: route.framework as never,
    year,
  });
  if (files.status !== 'done') return null;
  return (
    <p className="downloads">
      {words.download}: <Download file={files.data.provinceRaporFile} label={words.provinceRapor} />{' '}
      <Download file={files.data.xlsx} label={words.leagueXlsx} />
    </p>
  );
}

/** A province: its governments' ranks and bands, the movers, its MPPs, agreements expiring. */
export function ProvinceView({ nav, words }: { nav: Nav; words: Words }) {
  const { route, go } = nav;
  const picked = usePickedYear(route);
  const state = useProvince(route.province ?? '', route.framework, picked.year);
  const waiting = yearState(picked);
  if (!route.province) return <p className="state empty">{words.chooseProvince}</p>;
  return (
    <section>
      <Loaded state={waiting ?? state} words={words}>
        {(data) => {
          if (!data?.province || !picked.year) {
            return <p className="state empty">{words.notFound}</p>;
          }
          const year = picked.year;
          const { regencies, cities } = leagues(data, nav, words, year);
          const movers = [...data.regencies, ...data.cities]
            .map((e) => ({ entry: e, change: changeOf(e, year) }))
            .filter(({ change }) => change)
            .sort(
              (a, b) =>
                Math.abs(b.change?.delta ?? 0) - Math.abs(a.change?.delta ?? 0) ||
                Number(a.change?.comparable) - Number(b.change?.comparable),
            )
            .slice(0, 8);
          const government = data.province.government;
          return (
            <>
              <h2>
                {data.province.name}: {frameworkName(route.framework, route.lang)} {year}
              </h2>
              <Pickers route={route} go={go} words={words} years={picked.years} year={year} />
              {government && (
                <p>
                  <a {...linkTo(nav, { view: 'pemerintah', organisation: government.id })}>
                    {government.name}
                  </a>
                </p>
              )}
              <ProvinceDownloads nav={nav} words={words} year={year} />
              <div className="split">
                <div>
                  <LeagueTable
                    caption={words.regencies}
                    rows={regencies}
                    words={words}
                    showChange
                  />
                  <LeagueTable caption={words.cities} rows={cities} words={words} showChange />
                </div>
                <div>
                  <h3>{words.movers}</h3>
                  {movers.length === 0 ? (
                    <p className="state empty">{words.empty}</p>
                  ) : (
                    <ul className="movers">
                      {movers.map(({ entry, change }) => (
                        <li key={entry.organisation.id}>
                          <a
                            {...linkTo(nav, {
                              view: 'pemerintah',
                              organisation: entry.organisation.id,
                            })}
                          >
                            {entry.organisation.name}
                          </a>{' '}
                          <span className={change?.comparable ? 'delta' : 'break'}>
                            {changeText(change, words)}
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                  <h3>{words.malls}</h3>
                  {data.publicServiceMalls.length === 0 ? (
                    <p className="state empty">{words.empty}</p>
                  ) : (
                    <ul>
                      {data.publicServiceMalls.map((mall) => (
                        <li key={mall.id}>
                          {mall.name}
                          {mall.regency ? `, ${mall.regency.name}` : ''} ({mall.status}
                          {mall.openedOn ? `, ${mall.openedOn}` : ''}
                          {mall.serviceCount ? `, ${mall.serviceCount} ${words.services}` : ''})
                        </li>
                      ))}
                    </ul>
                  )}
                  <h3>{words.agreements}</h3>
                  {data.expiringAgreements.length === 0 ? (
                    <p className="state empty">{words.empty}</p>
                  ) : (
                    <ul>
                      {data.expiringAgreements.map((a) => (
                        <li key={a.id}>
                          {a.title}: {a.validUntil} ({a.daysLeft} {words.daysLeft}) –{' '}
                          {a.parties.map((p) => p.name).join(', ')}
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
