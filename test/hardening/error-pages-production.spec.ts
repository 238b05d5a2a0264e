import '../support/production-mode';
import { describeErrorPages } from './support/error-pages';

/** The same answers as error-pages.spec.ts, with the server run as production runs it. */
describeErrorPages('Express’s own error answers in production', true);
