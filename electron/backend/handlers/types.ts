import type { MethodName, Output, ParsedInput } from '../../../shared/api/contract';

export type Handler<M extends MethodName> = (input: ParsedInput<M>) => Output<M> | Promise<Output<M>>;
/** The backend's table of every method of the contract: the compiler checks none is missing. */
export type Handlers = { [M in MethodName]: Handler<M> };
/** The handlers of one domain's methods. */
export type HandlerGroup<K extends MethodName> = { [M in K]: Handler<M> };
