import { outputFigures, outputTable } from './bench/output.ts';
console.log(outputTable(outputFigures(process.argv[2]!)));
