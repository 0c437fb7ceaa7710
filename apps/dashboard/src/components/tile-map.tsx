import { bandColour, inkOn, NO_BAND_COLOUR } from '@mutu/scoring';
import { formatScore } from '../words.js';
import type { BandLike } from './band.js';

/**
 * Indonesia as a tile grid: one square per province, placed roughly where it lies (west to
 * east, north to south), so no boundary data is needed and every province, however small, is
 * one tile. [column, row, abbreviation] by Kemendagri code.
 */
const TILES: Record<string, readonly [number, number, string]> = {
  '11': [0, 0, 'ACEH'],
  '12': [1, 1, 'SUMUT'],
  '14': [2, 1, 'RIAU'],
  '21': [3, 1, 'KEPRI'],
  '13': [1, 2, 'SUMBAR'],
  '15': [2, 2, 'JAMBI'],
  '19': [3, 2, 'BABEL'],
  '17': [1, 3, 'BKL'],
  '16': [2, 3, 'SUMSEL'],
  '18': [2, 4, 'LPG'],
  '31': [4, 4, 'DKI'],
  '36': [3, 5, 'BANTEN'],
  '32': [4, 5, 'JABAR'],
  '33': [5, 5, 'JATENG'],
  '34': [5, 6, 'DIY'],
  '35': [6, 5, 'JATIM'],
  '51': [7, 6, 'BALI'],
  '52': [8, 6, 'NTB'],
  '53': [9, 6, 'NTT'],
  '61': [5, 2, 'KALBAR'],
  '62': [6, 2, 'KALTENG'],
  '63': [6, 3, 'KALSEL'],
  '64': [7, 2, 'KALTIM'],
  '65': [7, 1, 'KALTARA'],
  '75': [9, 1, 'GTLO'],
  '71': [10, 1, 'SULUT'],
  '72': [9, 2, 'SULTENG'],
  '76': [8, 3, 'SULBAR'],
  '73': [8, 4, 'SULSEL'],
  '74': [9, 4, 'SULTRA'],
  '82': [11, 2, 'MALUT'],
  '81': [11, 4, 'MALUKU'],
  '96': [12, 2, 'PBD'],
  '92': [13, 2, 'PABAR'],
  '91': [14, 2, 'PAPUA'],
  '94': [13, 3, 'PATENG'],
  '95': [14, 3, 'PAPEG'],
  '93': [14, 4, 'PASEL'],
};

export interface ProvinceTile {
  code: string;
  name: string;
  score?: number;
  band?: BandLike;
}

export function TileMap({
  tiles,
  selected,
  onSelect,
  caption,
  noBand,
}: {
  tiles: readonly ProvinceTile[];
  selected?: string;
  onSelect: (code: string) => void;
  caption: string;
  noBand: string;
}) {
  return (
    <figure className="tile-map">
      <div className="tiles">
        {tiles.map((tile) => {
          const [column, row, short] = TILES[tile.code] ?? [0, 7, tile.code];
          const colour = tile.band ? bandColour(tile.band) : NO_BAND_COLOUR;
          const band = tile.band ? `${tile.band.grade ?? ''} ${tile.band.label}`.trim() : noBand;
          return (
            <button
              type="button"
              key={tile.code}
              className={`tile${tile.code === selected ? ' selected' : ''}${tile.band ? '' : ' blank'}`}
              style={{
                gridColumn: column + 1,
                gridRow: row + 1,
                background: tile.band ? colour : undefined,
                color: tile.band ? inkOn(colour) : undefined,
              }}
              aria-pressed={tile.code === selected}
              aria-label={`${tile.name}: ${tile.score === undefined ? '' : `${formatScore(tile.score)} `}${band}`}
              title={`${tile.name}: ${tile.score === undefined ? '' : `${formatScore(tile.score)} `}${band}`}
              onClick={() => onSelect(tile.code)}
            >
              <span className="short">{short}</span>
              {tile.score !== undefined && <span className="score">{formatScore(tile.score)}</span>}
            </button>
          );
        })}
      </div>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
