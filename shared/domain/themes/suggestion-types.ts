// What suggesting themes and classifying instruments take and give. Its own module so that
// suggest.ts and instrument.ts both depend on it instead of on each other.
import type { InstrumentClass } from '../types';

export interface ClauseForSuggestion {
  /** Key of the clause in a similarity index (its id), so it is not compared with itself. */
  key?: string;
  text: string;
  /** The clause's own heading (就业目标, 拓宽小微企业融资渠道): a stronger signal than the body. */
  heading?: string | null;
  /** The nearest ancestor's heading: the section the clause sits in. */
  sectionHeading?: string | null;
}

export interface ThemeForSuggestion {
  id: string;
  instrument: InstrumentClass;
  /** Extra terms the researcher gave the theme (weight 2 each). */
  keywords?: string[];
}

export interface Suggestion {
  themes: Array<{ id: string; score: number }>;
  instrument: InstrumentClass | null;
  subInstrument: string | null;
  instrumentScore: number;
}
