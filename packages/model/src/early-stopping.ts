import type * as tf from '@tensorflow/tfjs';
import type { Objective } from './module-contract.js';

/**
 * Keras's EarlyStopping(monitor, mode, patience, restore_best_weights=True): remembers the weights of the
 * best epoch by the objective and says when `patience` epochs have passed without improvement.
 * A NaN objective never counts as an improvement.
 */
export class EarlyStopping {
  private bestWeights: tf.Tensor[] | undefined;
  private wait = 0;
  bestEpoch = -1;
  bestValue = Number.NaN;

  constructor(
    private readonly objective: Objective,
    private readonly patience: number,
  ) {}

  /** Records one epoch's objective value; returns true when training should stop. */
  update(epoch: number, value: number, model: tf.LayersModel): boolean {
    if (this.improves(value)) {
      this.bestEpoch = epoch;
      this.bestValue = value;
      this.wait = 0;
      for (const w of this.bestWeights ?? []) w.dispose();
      this.bestWeights = model.getWeights().map((w) => w.clone());
      return false;
    }
    this.wait += 1;
    return this.patience > 0 && this.wait >= this.patience;
  }

  /** Puts the best epoch's weights back into the model and frees the copy. */
  restoreBest(model: tf.LayersModel): void {
    if (!this.bestWeights) return;
    model.setWeights(this.bestWeights);
    for (const w of this.bestWeights) w.dispose();
    this.bestWeights = undefined;
  }

  private improves(value: number): boolean {
    if (Number.isNaN(value)) return false;
    if (Number.isNaN(this.bestValue)) return true;
    return this.objective.direction === 'max' ? value > this.bestValue : value < this.bestValue;
  }
}
