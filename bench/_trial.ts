import { coordinatedFleet } from './fleet-processes.js';

const minutes = Number(process.argv[2] ?? 10);
const run = await coordinatedFleet('redis', 4, 200, minutes);
console.log(
  JSON.stringify(
    {
      ...run,
      roleLog: [...run.roleLog]
        .sort((a: string, b: string) => Number.parseInt(a, 10) - Number.parseInt(b, 10))
        .slice(0, 120),
    },
    null,
    1,
  ),
);
