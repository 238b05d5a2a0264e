import 'reflect-metadata';
import { buildPathforgeSchema, schemaFile } from './build';

buildPathforgeSchema({ emit: true })
  .then(() => console.log(`wrote ${schemaFile}`))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
