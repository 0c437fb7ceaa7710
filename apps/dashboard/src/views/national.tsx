import { type LeagueRow, LeagueTable } from '../components/league-table.js';
import { Legend } from '../components/legend.js';
import { Loaded } from '../components/states.js';
import { TileMap } from '../components/tile-map.js';
import {
  NationalLeagueDocument,
  NationalMapDocument,
  type RankRowFragment,
} from '../generated/graphql.js';
import { useQuery } from '../graph/use-query.js';
import { frameworkName, type Words } from '../words.js';
import { linkTo, type Nav } from './nav.js';
import { Pickers, usePickedYear, yearState } from './pickers.js';
import { ProvinceTables } from './province.js';

function rowsOf(nav: Nav, entries: readonly RankRowFragment[]): LeagueRow[] {
  return entries.map((e) => ({
    key: e.organisation.id,
    rank: e.rank,
    name: e.organisation.name,
    score: e.score,
    band: e.band,
    link: linkTo(nav, { view: 'pemerintah', organisation: e.organisation.id }),
  }));
}

/** All of Indonesia's kabupaten, then its kota, ranked: shown until a province is picked. */
function NationalLeague({ nav, words, year }: { nav: Nav; words: Words; year: number }) {
  const state = useQuery(NationalLeagueDocument, {
    framework: nav.route.framework as never,
    year,
  });
  return (
    <>
      <h3>{words.allIndonesia}</h3>
      <p className="hint">{words.chooseProvince}</p>
      <Loaded state={state} words={words}>
        {(data) => (
          <>
            <LeagueTable
              caption={words.regencies}
              rows={rowsOf(nav, data.regencies)}
              words={words}
            />
            <LeagueTable caption={words.cities} rows={rowsOf(nav, data.cities)} words={words} />
          </>
        )}
      </Loaded>
    </>
  );
}

/** Every province as a tile coloured by its government's band, the league table beside it. */
export function NationalView({ nav, words }: { nav: Nav; words: Words }) {
  const { route, go } = nav;
  const picked = usePickedYear(route);
  const state = useQuery(
    NationalMapDocument,
    { framework: route.framework as never, year: picked.year ?? 0 },
    { skip: !picked.year },
  );
  const waiting = yearState(picked);
  return (
    <section>
      <h2>
        {words.nasional}: {frameworkName(route.framework, route.lang)} {picked.year ?? ''}
      </h2>
      <Pickers route={route} go={go} words={words} years={picked.years} year={picked.year} />
      {waiting?.status === 'done' ? (
        <p className="state empty">{words.empty}</p>
      ) : (
        <Loaded state={waiting ?? state} words={words}>
          {(data) => {
            const byProvince = new Map(
              data.provincial.map((e) => [e.organisation.province?.code ?? e.organisation.id, e]),
            );
            const tiles = data.provinces.map((p) => {
              const entry = byProvince.get(p.code);
              return { code: p.code, name: p.name, score: entry?.score, band: entry?.band };
            });
            const chosen = data.provinces.find((p) => p.code === route.province);
            return (
              <div className="split">
                <div>
                  <TileMap
                    tiles={tiles}
                    selected={route.province}
                    onSelect={(code) =>
                      go({ province: code === route.province ? undefined : code })
                    }
                    caption={words.mapCaption}
                    noBand={words.noBand}
                  />
                  <Legend
                    framework={route.framework}
                    year={picked.year ?? 0}
                    title={words.legend}
                  />
                  <LeagueTable
                    caption={words.provinces}
                    rows={rowsOf(nav, data.provincial)}
                    words={words}
                  />
                </div>
                <div>
                  {chosen && picked.year ? (
                    <>
                      <h3>
                        {chosen.name}{' '}
                        <a
                          className="more"
                          {...linkTo(nav, { view: 'provinsi', province: chosen.code })}
                        >
                          {words.openProvince}
                        </a>
                      </h3>
                      <ProvinceTables
                        nav={nav}
                        words={words}
                        code={chosen.code}
                        year={picked.year}
                      />
                    </>
                  ) : (
                    <NationalLeague nav={nav} words={words} year={picked.year ?? 0} />
                  )}
                </div>
              </div>
            );
          }}
        </Loaded>
      )}
    </section>
  );
}
