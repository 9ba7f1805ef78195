/* tradlint: the command line. The commands are in src/cli/ (the table in
 * src/cli/commands.def); main only dispatches and closes stdout. */
#include "tradlint.h"
#include "cli/cli.h"

int main(int argc, char **argv)
{
  tl_exit_on_oom(); /* exit 2 with a message, never abort (134) */
  return cli_finish_stdout(cli_dispatch(argc, argv, false));
}
