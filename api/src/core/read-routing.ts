import { ApolloServerPlugin } from '@apollo/server';
import { DataSource } from 'typeorm';
import { Context } from './context';
import { Loaders } from './loaders';

/**
 * Moves the reads of query operations to `reads`, the replicas. Every request starts on the
 * primary and only a query operation leaves it, so a mutation, and the reads that build its
 * payload after commit, see what it wrote however far the replicas lag.
 */
export function replicaReadsPlugin(reads: DataSource): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation !== 'query') return;
          contextValue.db = reads;
          contextValue.loaders = new Loaders(reads);
        },
      };
    },
  };
}
