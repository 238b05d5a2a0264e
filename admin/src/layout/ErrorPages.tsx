/** react-admin's pages for what goes wrong, in a chunk of their own: most visits never show one. */
export { AccessDenied, AuthenticationError, Error, NotFound } from 'react-admin';
