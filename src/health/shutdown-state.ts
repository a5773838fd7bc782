import { Injectable } from '@nestjs/common';

/**
 * Whether the process is shutting down. From the first SIGTERM on, readiness answers 503 so load
 * balancers and orchestrators stop sending traffic, while requests already routed here still finish.
 */
@Injectable()
export class ShutdownState {
  private draining = false;

  get isDraining(): boolean {
    return this.draining;
  }

  begin(): void {
    this.draining = true;
  }
}
