import io
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG": "jpeg", "PNG": "png", "WEBP": "webp"}
MAX_PIXELS = 40_000_000
MAX_SIDE = 2000


def sanitise_photo(upload):
    """Check an uploaded photo and return a clean copy with no metadata.

    Photos of people at risk can carry GPS positions, device serial numbers and the editor's
    name in EXIF/XMP. The copy is rebuilt from raw pixels, so no metadata block can survive.
    The file name is random so that a draft's photo URL cannot be guessed from a name.
    """
    if upload.size > settings.MAX_PHOTO_BYTES:
        raise ValidationError(_("The photo is larger than %(mb)d MB.") % {"mb": settings.MAX_PHOTO_BYTES // 2**20})
    try:
        with Image.open(upload) as probe:
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            fmt = image.format
            if fmt not in ALLOWED_FORMATS:
                raise ValidationError(_("Upload a JPEG, PNG or WebP photo."))
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError(_("The photo has too many pixels."))
            upright = ImageOps.exif_transpose(image)  # turn it the way the camera meant before EXIF goes
            upright.thumbnail((MAX_SIDE, MAX_SIDE))
            has_alpha = fmt != "JPEG" and ("A" in upright.getbands() or "transparency" in upright.info)
            pixels = upright.convert("RGBA" if has_alpha else "RGB")
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise ValidationError(_("This file is not a photo that can be read.")) from None
    clean = Image.frombytes(pixels.mode, pixels.size, pixels.tobytes())
    out = io.BytesIO()
    clean.save(out, format=fmt)
    extension = ALLOWED_FORMATS[fmt]
    return SimpleUploadedFile(f"{uuid.uuid4().hex}.{extension}", out.getvalue(), content_type=f"image/{extension}")
