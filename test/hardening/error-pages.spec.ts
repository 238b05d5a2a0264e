import { describeErrorPages } from './support/error-pages';

describeErrorPages('Express’s own error answers', false);
