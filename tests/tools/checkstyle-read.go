// Reads a Checkstyle XML report from standard input with
// github.com/haya14busa/go-checkstyle, the parser reviewdog uses for
// -f=checkstyle (Debian: golang-github-haya14busa-go-checkstyle-dev), and
// prints what it understood as JSON: the consumer's view of the report.
package main

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"

	"github.com/haya14busa/go-checkstyle/checkstyle"
)

func main() {
	data, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var r checkstyle.Result
	if err := xml.Unmarshal(data, &r); err != nil {
		fmt.Fprintln(os.Stderr, "checkstyle:", err)
		os.Exit(1)
	}
	out, _ := json.Marshal(r)
	fmt.Println(string(out))
}
