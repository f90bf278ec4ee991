/* fuzz_media.c — libFuzzer target for the parsers media.c writes itself on uploaded bytes: the
 * ZIP central directory (telling DOCX, XLSX and ODT from other ZIPs), the JPEG/PNG/WebP/GIF
 * headers read before decoding (to refuse giant images), and the EXIF orientation. */
#include "model/internal.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	media_probe(data, size);
	return 0;
}
