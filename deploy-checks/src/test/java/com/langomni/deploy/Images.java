package com.langomni.deploy;

/** Image references: repository[:tag][@digest], where a registry host may carry a port. */
final class Images {

    private Images() {
    }

    /** A digest, or a tag other than latest. */
    static boolean isPinned(String image) {
        if (image.contains("@sha256:")) {
            return true;
        }
        String tag = tag(image);
        return !tag.isEmpty() && !tag.equals("latest");
    }

    /** The image without tag or digest. */
    static String repository(String image) {
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        String tag = tag(withoutDigest);
        return tag.isEmpty() ? withoutDigest : withoutDigest.substring(0, withoutDigest.length() - tag.length() - 1);
    }

    private static String tag(String image) {
        String lastSegment = image.substring(image.lastIndexOf('/') + 1);
        int colon = lastSegment.indexOf(':');
        return colon < 0 ? "" : lastSegment.substring(colon + 1);
    }
}
