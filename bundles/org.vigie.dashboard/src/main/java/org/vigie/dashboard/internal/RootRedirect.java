package org.vigie.dashboard.internal;

import java.io.IOException;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants;

/**
 * Sends {@code http://host:port/} to the dashboard. The empty pattern is the servlet specification's exact match of
 * the context root: unlike {@code "/"} (the default servlet) it takes no other path, so {@code /api/*},
 * {@code /ogc/*} and unknown paths answer as before. (Set as a plain property: the annotation's empty value would
 * reach the whiteboard as an empty list of patterns.)
 */
@Component(service = Servlet.class, property = HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=")
public class RootRedirect extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/dashboard/");
    }
}
