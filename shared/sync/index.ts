export * from './protocol';
export * from './leases';
export * from './merge';
export * from './eventSchema';
