# Matn bilan yozilgan savollarga javoblar: salomlashish, til tanlash, «Balki siz buni nazarda tutgandirsiz».

# REVIEW: native speaker
kb-also = Boshqa narsani so'ragan bo'lsangiz, quyidan mavzuni tanlang:
