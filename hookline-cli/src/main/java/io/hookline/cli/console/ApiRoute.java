package io.hookline.cli.console;

/** What answers one method and path pattern of the API. */
@FunctionalInterface
public interface ApiRoute {

    /**
     * @throws ApiException for an answer other than success (400 with field errors, 404, 409...); any other exception
     *                      is a 500 whose message is logged and shown
     */
    ApiResponse handle(ApiRequest request) throws Exception;
}
