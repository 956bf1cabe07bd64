// The backend contract: what every adapter behind the ports promises, checked through the HTTP plugin (as the
// servers answer) on data each test group hands to the adapter's factory. An adapter joins with one call:
//
//   describeBackendContract('postgres', (data) => createPostgresBackendFromData(url, data));
//
// The factory gets a fresh data set each time (a group's backend is closed after it); it must serve exactly that
// data, and search it at once (a factory waits until its backend's search is ready). Only behaviour is asserted here
// (answers, orders, error codes): what a particular engine does inside is tested beside it.
import { describe } from 'vitest';
import type { BackendFactory } from './contract-api';
import { describeEventsContract } from './events-contract';
import { describeFeedContract } from './feed-contract';
import { describeHttpContract } from './http-contract';
import { describeImagesContract } from './images-contract';
import { describeRatesContract } from './rates-contract';
import { describeSearchContract } from './search-contract';
import { describeSearchTyposContract } from './search-typos-contract';
import { describeSiteFeedsContract } from './site-feeds-contract';
import { describeSourcesContract } from './sources-contract';
import { describeWritesContract } from './writes-contract';

export function describeBackendContract(name: string, make: BackendFactory): void {
  describe(`backend contract: ${name}`, () => {
    describeFeedContract(make);
    describeSearchContract(make);
    describeSearchTyposContract(make);
    describeSourcesContract(make);
    describeRatesContract(make);
    describeHttpContract(make);
    describeWritesContract(make);
    describeEventsContract(make);
    describeImagesContract(make);
    describeSiteFeedsContract(make);
  });
}
