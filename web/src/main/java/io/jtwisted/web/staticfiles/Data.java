package io.jtwisted.web.staticfiles;

import io.jtwisted.web.iweb.IRequest;
import io.jtwisted.web.resource.Resource;
import java.util.Objects;

/** A fixed body with a fixed type, as Twisted's {@code static.Data}: a leaf answering GET and HEAD. */
public class Data extends Resource {
    private final byte[] data;
    private final String type;

    /** Serves {@code data} (kept, not copied) as {@code type}. */
    public Data(byte[] data, String type) {
        this.data = Objects.requireNonNull(data, "data");
        this.type = Objects.requireNonNull(type, "type");
    }

    @Override
    public boolean isLeaf() {
        return true;
    }

    @Override
    protected byte[] renderGET(IRequest request) {
        request.setHeader("Content-Type", type);
        return data;
    }
}
