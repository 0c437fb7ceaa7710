import { type PublishedCache, publishedCache, type ServiceEnv } from '@mutu/service';

let cache: PublishedCache = publishedCache({ enabled: false, prefix: '' });

/**
 * Published results and league tables, kept between requests (they change only when this
 * subgraph publishes, corrects or imports, which clears them).
 */
export const published = (): PublishedCache => cache;

export function configurePublished(env: Pick<ServiceEnv, 'PUBLISHED_CACHE' | 'REDIS_URL'>) {
  void cache.close();
  cache = publishedCache({
    enabled: env.PUBLISHED_CACHE === 'true',
    redisUrl: env.REDIS_URL,
    prefix: 'mutu:assessments:published',
  });
}
