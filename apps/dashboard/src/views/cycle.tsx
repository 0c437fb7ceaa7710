import { Download } from '../components/downloads.js';
import { Loaded } from '../components/states.js';
import {
  CycleProgressDocument,
  CyclesDocument,
  type WorkFragment,
  WorklistFilesDocument,
} from '../generated/graphql.js';
import { useQuery } from '../graph/use-query.js';
import { frameworkName, type Words } from '../words.js';
import type { Nav } from './nav.js';

/** A stacked bar of one province's worklist: published, verified, submitted, draft. */
function ProgressBar({ work, words }: { work: WorkFragment; words: Words }) {
  const total = Math.max(1, work.assessments);
  const parts = [
    ['published', work.published, words.published],
    ['verified', work.verified, words.verified],
    ['submitted', work.submitted, words.submitted],
    ['draft', work.draft, words.draft],
  ] as const;
  return (
    <div
      className="progress"
      role="img"
      aria-label={parts.map(([, n, label]) => `${label} ${n}`).join(', ')}
    >
      {parts.map(([key, n]) =>
        n > 0 ? (
          <span key={key} className={key} style={{ width: `${(100 * n) / total}%` }} />
        ) : null,
      )}
    </div>
  );
}

function Row({ work, words, name }: { work: WorkFragment; words: Words; name: string }) {
  return (
    <tr>
      <th scope="row">{name}</th>
      <td className="number">{work.assessments}</td>
      <td className="number">{work.draft}</td>
      <td className="number">{work.submitted}</td>
      <td className="number">{work.verified}</td>
      <td className="number">{work.published}</td>
      <td className="number">
        {work.lokus.accepted}/{work.lokus.total}
      </td>
      <td className="bar">
        <ProgressBar work={work} words={words} />
      </td>
    </tr>
  );
}

/** A cycle in progress: how far each province's worklist has come. */
export function CycleView({ nav, words }: { nav: Nav; words: Words }) {
  const { route, go } = nav;
  const cycles = useQuery(CyclesDocument, {});
  // Cycles in progress first, then the newest closed ones: a closed cycle's worklist still
  // shows how its work went.
  const open =
    cycles.status === 'done'
      ? [...cycles.data.cycles]
          .filter((c) => c.status !== 'PLANNED')
          .sort(
            (a, b) =>
              Number(b.status === 'OPEN') - Number(a.status === 'OPEN') ||
              b.year - a.year ||
              a.framework.localeCompare(b.framework),
          )
      : [];
  const cycleId = route.cycle ?? open[0]?.id;
  const progress = useQuery(CycleProgressDocument, { id: cycleId ?? '' }, { skip: !cycleId });
  const files = useQuery(WorklistFilesDocument, { cycleId: cycleId ?? '' }, { skip: !cycleId });
  return (
    <section>
      <h2>{words.progress}</h2>
      <Loaded state={cycles} words={words}>
        {() =>
          open.length === 0 || !cycleId ? (
            <p className="state empty">{words.noCycle}</p>
          ) : (
            <>
              <div className="pickers">
                <label>
                  {words.cycle}
                  <select value={cycleId} onChange={(e) => go({ cycle: e.target.value })}>
                    {open.map((c) => (
                      <option key={c.id} value={c.id}>
                        {frameworkName(c.framework, route.lang)} {c.year}
                        {c.status === 'OPEN' ? ` (${words.running})` : ''}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              {files.status === 'done' && (
                <p className="downloads">
                  {words.download}: <Download file={files.data.xlsx} label={words.worklistXlsx} />{' '}
                  <Download file={files.data.csv} label={words.worklistCsv} />
                </p>
              )}
              <Loaded state={progress} words={words}>
                {(data) =>
                  !data.cycle ? (
                    <p className="state empty">{words.notFound}</p>
                  ) : (
                    <table className="progress-table">
                      <caption>{words.progress}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{words.provinsi}</th>
                          <th scope="col">{words.assessments}</th>
                          <th scope="col">{words.draft}</th>
                          <th scope="col">{words.submitted}</th>
                          <th scope="col">{words.verified}</th>
                          <th scope="col">{words.published}</th>
                          <th scope="col">{words.lokusAccepted}</th>
                          <th scope="col" />
                        </tr>
                      </thead>
                      <tbody>
                        {data.cycle.progress.byProvince.map((work) => (
                          <Row
                            key={work.provinceCode ?? 'none'}
                            work={work}
                            words={words}
                            name={work.province?.name ?? work.provinceCode ?? '–'}
                          />
                        ))}
                        <Row
                          work={data.cycle.progress.all}
                          words={words}
                          name={words.allIndonesia}
                        />
                      </tbody>
                    </table>
                  )
                }
              </Loaded>
            </>
          )
        }
      </Loaded>
    </section>
  );
}
