import { describe, expect, it } from 'vitest';
import { splitHosts } from './pgTargets';

describe('splitHosts', () => {
  it('gives one connection string per host of a libpq multi-host URL, credentials and options kept', () => {
    expect(splitHosts('postgres://motcua:bi,mat@10.0.0.11:5432,db2.local:5433/motcua?options=-c%20search_path%3Da,b')).toEqual([
      'postgres://motcua:bi,mat@10.0.0.11:5432/motcua?options=-c%20search_path%3Da,b',
      'postgres://motcua:bi,mat@db2.local:5433/motcua?options=-c%20search_path%3Da,b',
    ]);
    expect(splitHosts('postgresql://[::1]:5432,[::2]:5432/motcua')).toEqual(['postgresql://[::1]:5432/motcua', 'postgresql://[::2]:5432/motcua']);
  });

  it('leaves a one-host URL as it is', () => {
    for (const url of ['postgres://motcua@db/motcua', 'postgresql:///motcua?host=/var/run/postgresql']) expect(splitHosts(url)).toEqual([url]);
  });
});
