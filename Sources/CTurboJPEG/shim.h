// libjpeg-turbo's TurboJPEG API: decodes a JPEG in memory with error codes (no longjmp), for the
// PNG previews (the PDF embeds JPEG bytes unchanged). Imported by WenshuRender only.
#include <turbojpeg.h>
