import { setupServer } from 'msw/node';
import { apiHandler } from './api-handler';

export const server = setupServer(apiHandler());
