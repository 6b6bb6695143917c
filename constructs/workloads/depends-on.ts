/**
 * Dependencies between the Kubernetes resources of a campus, without a stack trace per edge.
 *
 * cdktf turns each entry of a resource's `dependsOn` config into a token (`dependable()`, a
 * reference), and every such token captures a full stack trace when it is created: a campus has
 * about one dependency per resource, so that is about one extra stack trace per resource.
 * `dependOn` gives the resource a plain `dependsOn` array whose entries are tokens of a small
 * resolvable with an empty `creationStack` (nothing captured): each resolves, when cdktf writes
 * the stack, to the target's Terraform address ("kubernetes_namespace_v1.<logical id>", what
 * `dependable()` resolves to). So:
 * - a logical id overridden after the resources are made still counts, even if `dependsOn` was
 *   read in between (nothing reads the target's logical id before synth);
 * - `dependsOn` is an ordinary array: `push` adds to it, assigning replaces it, as on any resource.
 */
import { TerraformStack, Token, type IResolvable, type TerraformResource } from 'cdktf';
import { CampusConfigError } from '../../domain/config-error';

/** The Terraform address of `target`, resolved when the stack is written; captures no stack trace. */
class AddressOf implements IResolvable {
  /** Empty: cdktf shows a creation stack only in a resolution error, and this cannot fail to resolve. */
  public readonly creationStack: string[] = [];

  public constructor(private readonly target: TerraformResource) {}

  public resolve(): string {
    return `${this.target.terraformResourceType}.${this.target.friendlyUniqueId}`;
  }

  public toString(): string {
    return Token.asString(this);
  }
}

/**
 * Makes `resource` depend on `targets`, in that order. Every target must be in the resource's
 * stack: an address in another stack names nothing Terraform can find.
 */
export function dependOn(resource: TerraformResource, targets: readonly TerraformResource[]): void {
  const stack = TerraformStack.of(resource);
  for (const target of targets) {
    const targetStack = TerraformStack.of(target);
    if (targetStack !== stack) {
      throw new CampusConfigError(
        `[${resource.node.path}] dependsOn: ${target.node.path} is in stack ${targetStack.node.path}, not in ${stack.node.path}; ` +
          'a resource can only depend on resources of its own stack, so make the target in the same campus',
      );
    }
  }
  resource.dependsOn = targets.map((target) => Token.asString(new AddressOf(target)));
}
