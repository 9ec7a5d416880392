// Prints the error texts Mattermost's dialog validation builds with go-multierror and pkg/errors, which
// DialogValidatorTest expects from DialogValidator.goError. Not needed by the Java tests. With Debian's packages:
//
//	apt-get install golang-github-hashicorp-go-multierror-dev golang-github-pkg-errors-dev
//	GO111MODULE=off GOPATH=/usr/share/gocode go run main.go
package main

import (
	"fmt"

	"github.com/hashicorp/go-multierror"
	"github.com/pkg/errors"
)

func main() {
	// an element's errors: a nil error appended is skipped, as for each passing checkMaxLength
	var element *multierror.Error
	element = multierror.Append(element, errors.New("DisplayName cannot be empty"), nil)
	element = multierror.Append(element, errors.New("invalid default of bool"))

	// the dialog's errors: the element's are wrapped, so they stay nested
	var dialog *multierror.Error
	dialog = multierror.Append(dialog, errors.New(`invalid dialog title ""`))
	dialog = multierror.Append(dialog, errors.Wrapf(element.ErrorOrNil(), "%q field is not valid", "a"))

	// the request's errors: the dialog's multierror is flattened into them
	var request *multierror.Error
	request = multierror.Append(request, errors.New("empty URL"))
	request = multierror.Append(request, dialog.ErrorOrNil())
	fmt.Printf("%q\n", request.ErrorOrNil().Error())

	var form *multierror.Error
	form = multierror.Append(form, errors.New(`invalid dialog title ""`))
	fmt.Printf("%q\n", errors.Wrap(form.ErrorOrNil(), "invalid form").Error())
}
