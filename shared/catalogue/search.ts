import { foldVietnamese } from '../text/fold';
import type { Procedure } from './model';

// Officers type without Telex/VNI: 'Đăng ký' and 'dang ky' are the same query.
export { foldVietnamese };

export function tokenize(text: string): string[] {
  return foldVietnamese(text)
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '');
}

export type ProcedureMatch = {
  procedure: Procedure;
  /** 'code' when the query is a prefix of the procedure code; such matches rank first. */
  matchedOn: 'code' | 'text';
  score: number;
};

export type ProcedureIndex = {
  readonly size: number;
  search(query: string, limit?: number): ProcedureMatch[];
};

type Entry = {
  procedure: Procedure;
  codeKeys: string[];
  foldedName: string;
  nameTokens: Set<string>;
  nameLength: number;
};

// Where a token was found decides its weight: the name is what officers type.
const WEIGHT_NAME = 4;
const WEIGHT_FIELD = 2;
const WEIGHT_CODE = 1;

function codeKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, '');
}

/**
 * Builds the search structures once: a sorted token list (binary search finds every token with a
 * given prefix) and, per token, where it occurs. Typing then costs a few lookups, not a scan.
 */
export function createProcedureIndex(procedures: readonly Procedure[]): ProcedureIndex {
  const entries: Entry[] = procedures.map((p) => {
    const foldedName = tokenize(p.name).join(' ');
    return {
      procedure: p,
      codeKeys: [codeKey(p.code), codeKey(p.localCode), codeKey(p.code).replace(/\./g, '')],
      foldedName,
      nameTokens: new Set(foldedName.split(' ')),
      nameLength: p.name.length,
    };
  });

  const postings = new Map<string, Map<number, number>>();
  const add = (token: string, doc: number, weight: number) => {
    let docs = postings.get(token);
    if (!docs) postings.set(token, (docs = new Map()));
    if ((docs.get(doc) ?? 0) < weight) docs.set(doc, weight);
  };
  entries.forEach((e, doc) => {
    for (const t of e.nameTokens) add(t, doc, WEIGHT_NAME);
    for (const t of tokenize(e.procedure.field)) add(t, doc, WEIGHT_FIELD);
    for (const t of tokenize(e.procedure.code)) add(t, doc, WEIGHT_CODE);
  });
  const sortedTokens = [...postings.keys()].filter((t) => t !== '').sort();
  const sortedCodes = entries.flatMap((e, doc) => [...new Set(e.codeKeys)].map((key) => ({ key, doc }))).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  function tokensWithPrefix(prefix: string): string[] {
    const out: string[] = [];
    for (let i = lowerBound(sortedTokens, prefix, (t) => t); i < sortedTokens.length; i++) {
      const token = sortedTokens[i] as string;
      if (!token.startsWith(prefix)) break;
      out.push(token);
    }
    return out;
  }

  function docsWithCodePrefix(prefix: string): Map<number, boolean> {
    const docs = new Map<number, boolean>();
    for (let i = lowerBound(sortedCodes, prefix, (c) => c.key); i < sortedCodes.length; i++) {
      const { key, doc } = sortedCodes[i] as { key: string; doc: number };
      if (!key.startsWith(prefix)) break;
      docs.set(doc, docs.get(doc) === true || key === prefix);
    }
    return docs;
  }

  /** Best weight per document for one query token; an exact token beats a prefix of a longer one. */
  function matchToken(queryToken: string): Map<number, number> {
    const best = new Map<number, number>();
    for (const token of tokensWithPrefix(queryToken)) {
      const exactBonus = token === queryToken ? 1 : 0;
      for (const [doc, weight] of postings.get(token) ?? []) {
        const w = weight + exactBonus;
        if ((best.get(doc) ?? 0) < w) best.set(doc, w);
      }
    }
    return best;
  }

  function search(query: string, limit = 20): ProcedureMatch[] {
    const key = codeKey(query);
    if (key === '' || limit <= 0) return [];
    const results: ProcedureMatch[] = [];
    const seen = new Set<number>();

    const byCode = [...docsWithCodePrefix(key)].map(([doc, exact]) => ({ doc, exact }));
    byCode.sort((a, b) => Number(b.exact) - Number(a.exact) || compareCodes(entries[a.doc] as Entry, entries[b.doc] as Entry));
    for (const { doc, exact } of byCode) {
      seen.add(doc);
      results.push({ procedure: (entries[doc] as Entry).procedure, matchedOn: 'code', score: exact ? 1000 : 500 });
    }

    const queryTokens = [...new Set(tokenize(query))];
    if (queryTokens.length > 0) {
      let scores: Map<number, number> | null = null;
      for (const qt of queryTokens) {
        const matches = matchToken(qt);
        if (scores === null) {
          scores = matches;
        } else {
          const next = new Map<number, number>();
          for (const [doc, s] of scores) {
            const w = matches.get(doc);
            if (w !== undefined) next.set(doc, s + w);
          }
          scores = next;
        }
        if (scores.size === 0) break;
      }
      const phrase = queryTokens.join(' ');
      const ranked: { doc: number; score: number }[] = [];
      for (const [doc, base] of scores ?? []) {
        if (seen.has(doc)) continue;
        const e = entries[doc] as Entry;
        let score = base;
        if (e.foldedName.startsWith(phrase)) score += 6;
        else if (e.foldedName.includes(phrase)) score += 3;
        ranked.push({ doc, score });
      }
      ranked.sort((a, b) => b.score - a.score || (entries[a.doc] as Entry).nameLength - (entries[b.doc] as Entry).nameLength || compareCodes(entries[a.doc] as Entry, entries[b.doc] as Entry));
      for (const { doc, score } of ranked) {
        results.push({ procedure: (entries[doc] as Entry).procedure, matchedOn: 'text', score });
      }
    }
    return results.slice(0, limit);
  }

  return { size: entries.length, search };
}

function lowerBound<T>(items: readonly T[], target: string, keyOf: (item: T) => string): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyOf(items[mid] as T) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function compareCodes(a: Entry, b: Entry): number {
  const x = a.procedure.code;
  const y = b.procedure.code;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** One-off search; build an index with `createProcedureIndex` when searching as the officer types. */
export function searchProcedures(procedures: readonly Procedure[], query: string, limit = 20): ProcedureMatch[] {
  return createProcedureIndex(procedures).search(query, limit);
}
