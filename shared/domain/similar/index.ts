export * from './minhash';
export { rankSimilar, similarRanking, similarityScan, type SimilarCandidate, type RankedSimilar } from './rank';
