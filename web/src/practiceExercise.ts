// The exercise a practice runs, for its own check-in and debrief prompts: the practice names
// its agreement, the agreement its exercise. Until it arrives (or if it cannot), the generic
// prompts stay — a prompt is a nicety, never a gate.
import { useEffect, useState } from 'preact/hooks';
import { getAgreement, getExercise, getPractice, type ExerciseDetail } from './api';

export function usePracticeExercise(pid: string | undefined): ExerciseDetail | null {
  const [exercise, setExercise] = useState<ExerciseDetail | null>(null);
  useEffect(() => {
    if (!pid) return;
    let current = true;
    void (async () => {
      try {
        const practice = await getPractice(pid);
        const agreement = await getAgreement(practice.agreement_id);
        const detail = await getExercise(agreement.exercise_id);
        if (current) setExercise(detail);
      } catch {
        /* the generic prompts stay */
      }
    })();
    return () => {
      current = false;
    };
  }, [pid]);
  return exercise;
}
