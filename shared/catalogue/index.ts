export * from './model';
export * from './csv';
export * from './cells';
export * from './departments';
export * from './import';
export * from './xlsxRows';
export * from './search';
export * from './demo';
