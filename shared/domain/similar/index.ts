export * from './minhash';
export { rankSimilar, type SimilarCandidate, type RankedSimilar } from './rank';
