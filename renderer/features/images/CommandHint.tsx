/** The docker command that does the same: the one shared component. */
export { CommandHint } from '../../components/CommandHint';
