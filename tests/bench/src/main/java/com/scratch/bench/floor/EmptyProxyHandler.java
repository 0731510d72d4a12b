package com.scratch.bench.floor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

/**
 * The floor of a cold start with API Gateway's typed events: no work, so what is left is the JVM, the runtime
 * interface client and its event serialisation (the request read into {@link APIGatewayProxyRequestEvent}, the answer
 * written from {@link APIGatewayProxyResponseEvent}). Measured beside billing by the cold-start benchmark; never
 * deployed.
 */
public final class EmptyProxyHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody("{\"status\":true}");
    }
}
