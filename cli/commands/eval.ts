// `eval run` and `eval capture` live in eval/ (the evaluation tool); the CLI only routes to them.
export { EVAL_USAGE, evalCommand } from '../../eval/command';
