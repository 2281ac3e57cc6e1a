export * from './protocol';
export * from './model';
export * from './upload';
export * from './pdf';
export * from './page';
export * from './stats';
