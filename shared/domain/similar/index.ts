export * from './minhash';
export { rankSimilar, similarityScan, type SimilarCandidate, type RankedSimilar } from './rank';
