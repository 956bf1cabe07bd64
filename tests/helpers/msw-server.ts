import { setupServer } from 'msw/node';
import { mockApiHandler } from './mock-api-handlers';

export const server = setupServer(mockApiHandler());
