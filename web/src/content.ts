// Content that rarely changes within a visit, fetched once.
import { listExercises, type Exercise } from './api';

let exercises: Promise<Exercise[]> | null = null;

export function exercisesOnce(): Promise<Exercise[]> {
  if (!exercises) {
    exercises = listExercises().catch((err) => {
      exercises = null;
      throw err;
    });
  }
  return exercises;
}
